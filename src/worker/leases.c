/* The leases of serve's jobs (worker.h, model/lease.h): a worker of its
 * own renews every lease a job of this node wants, so that a job that runs
 * long keeps its lease meanwhile. */
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "../base/err.h"
#include "../base/log.h"
#include "../model/lease.h"
#include "periodic.h"
#include "worker.h"

enum { LEASES_MAX = 8 };

struct job_lease {
	const char *name; /* a string literal */
	int wanted;       /* by how many jobs (under lock) */
	_Atomic int64_t mine_until; /* held, by this node's clock, until then; 0: not */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
/* one renewal or release at a time: a lease given back is not taken again
 * by a renewal that began before */
static pthread_mutex_t writing = PTHREAD_MUTEX_INITIALIZER;
static struct job_lease table[LEASES_MAX];
static int wanted_total;

static void renew_one(struct store *s, struct job_lease *l)
{
	int64_t now = time(NULL);
	bool held = false, had = atomic_load(&l->mine_until) > now;
	if (lease_take(s, l->name, lease_node(), now, LEASE_S, &held)) {
		log_error("lease %s: could not renew it; this node's %s stops when it expires", l->name, l->name);
		return; /* what was held stays held until it expires */
	}
	/* the margin: the other nodes' clocks may be ahead of this one's */
	atomic_store(&l->mine_until, held ? now + LEASE_S - LEASE_MARGIN_S : 0);
	if (held && !had)
		log_info("lease %s: this node (%s) runs it", l->name, lease_node());
	else if (!held && had)
		log_info("lease %s: another node has it now", l->name);
}

static void renew(struct store *s)
{
	for (int i = 0; i < LEASES_MAX; i++) {
		pthread_mutex_lock(&writing);
		pthread_mutex_lock(&lock);
		bool want = table[i].name && table[i].wanted > 0;
		pthread_mutex_unlock(&lock);
		if (want)
			renew_one(s, &table[i]);
		pthread_mutex_unlock(&writing);
	}
}

static struct periodic keeper = PERIODIC_INIT(LEASE_RENEW_S, LEASE_RENEW_S, renew);

static struct job_lease *find(const char *name, bool add)
{
	for (int i = 0; i < LEASES_MAX; i++)
		if (table[i].name && strcmp(table[i].name, name) == 0)
			return &table[i];
	for (int i = 0; add && i < LEASES_MAX; i++)
		if (!table[i].name) {
			table[i].name = name;
			return &table[i];
		}
	return NULL;
}

int leases_want(struct store *s, const char *name)
{
	pthread_mutex_lock(&lock);
	struct job_lease *l = find(name, true);
	if (l) {
		l->wanted++;
		wanted_total++;
	}
	pthread_mutex_unlock(&lock);
	if (!l)
		return ERR_USAGE;
	pthread_mutex_lock(&writing);
	renew_one(s, l); /* at once: the job need not wait for the keeper */
	pthread_mutex_unlock(&writing);
	return periodic_start(&keeper, s);
}

void leases_drop(const char *name)
{
	pthread_mutex_lock(&lock);
	struct job_lease *l = find(name, false);
	bool last = false, gone = false;
	if (l && l->wanted > 0) {
		gone = --l->wanted == 0;
		last = --wanted_total == 0;
	}
	pthread_mutex_unlock(&lock);
	if (last)
		periodic_stop(&keeper);
	if (gone && keeper.store) {
		/* given back, another node takes it at its next renewal, not
		 * when it would have expired */
		pthread_mutex_lock(&writing);
		atomic_store(&l->mine_until, 0);
		if (lease_release(keeper.store, name, lease_node()))
			log_error("lease %s: could not give it back; it expires within %d s", name, LEASE_S);
		pthread_mutex_unlock(&writing);
	}
}

bool leases_mine(const char *name)
{
	pthread_mutex_lock(&lock);
	struct job_lease *l = find(name, false);
	pthread_mutex_unlock(&lock);
	return l && atomic_load(&l->mine_until) > time(NULL);
}
