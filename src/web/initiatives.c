/* The pages of initiatives: /initiatieven (a board by stage), a new one,
 * one initiative with its stage timeline, its forms. */
#include "initiative_parts.h"

/* The parts of other features stand empty until their files define them
 * (initiative_parts.h). */
__attribute__((weak)) void initiative_part_partners(struct http_req *r, const struct initiative *in)
{
	(void)r, (void)in;
}

__attribute__((weak)) void initiative_part_results(struct http_req *r, const struct initiative *in)
{
	(void)r, (void)in;
}

__attribute__((weak)) void initiative_part_events(struct http_req *r, const struct initiative *in)
{
	(void)r, (void)in;
}
