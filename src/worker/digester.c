/* The worker of `kiem serve` that composes the daily email digest of
 * notifications (model/notify.h): a minute after the start, then every 24
 * hours. */
#include <time.h>

#include "../base/err.h"
#include "../base/log.h"
#include "../model/notify.h"
#include "periodic.h"
#include "worker.h"

static void digest(struct store *s)
{
	int mails = 0;
	int rc = notification_digest(s, time(NULL), &mails);
	if (rc)
		log_error("the digest pass failed (%s); it runs again tomorrow", err_str(rc));
	else if (mails)
		log_info("digest: %d mails queued", mails);
}

static struct periodic worker = PERIODIC_LEASED(60, 24 * 3600, digest, "digest", false);

int digester_start(struct store *s)
{
	return periodic_start(&worker, s);
}

void digester_stop(void)
{
	periodic_stop(&worker);
}
