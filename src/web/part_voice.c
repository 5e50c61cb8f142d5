#include "issue_parts.h"

/* Not built yet: the issue page shows nothing here. */
void issue_part_voice(struct http_req *r, const char *issue_id)
{
	(void)r;
	(void)issue_id;
}
