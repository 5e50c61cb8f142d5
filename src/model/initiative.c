#include "initiative.h"

#include <stdio.h>
#include <string.h>

#include "../base/err.h"
#include "../store/store.h"
#include "rows.h"

const struct enum_entry initiative_stages[STAGE_COUNT] = {
	[STAGE_IDEA] = { "idea", { "Idee", "Idea" } },
	[STAGE_DEVELOPMENT] = { "development", { "Ontwikkeling", "Development" } },
	[STAGE_TEST] = { "test", { "Test", "Test" } },
	[STAGE_IMPLEMENTATION] = { "implementation", { "Uitvoering", "Implementation" } },
	[STAGE_SUSTAINED] = { "sustained", { "Geborgd", "Sustained" } },
	[STAGE_STOPPED] = { "stopped", { "Gestopt", "Stopped" } },
};

const struct enum_entry initiative_types[ITYPE_COUNT] = {
	[ITYPE_PRODUCT] = { "product", { "Product", "Product" } },
	[ITYPE_SERVICE] = { "service", { "Dienst", "Service" } },
	[ITYPE_PROCESS] = { "process", { "Werkwijze", "Process" } },
	[ITYPE_COLLABORATION] = { "collaboration", { "Samenwerkingsvorm", "Form of collaboration" } },
};

const struct enum_entry participation_levels[PLEVEL_COUNT] = {
	[PLEVEL_INFORMED] = { "informed", { "Informeren", "Informed" } },
	[PLEVEL_CONSULTED] = { "consulted", { "Raadplegen", "Consulted" } },
	[PLEVEL_ADVISING] = { "advising", { "Adviseren", "Advising" } },
	[PLEVEL_CO_PRODUCING] = { "co_producing", { "Coproduceren", "Co-producing" } },
	[PLEVEL_CO_DECIDING] = { "co_deciding", { "Meebeslissen", "Co-deciding" } },
};

unsigned initiative_moves(enum initiative_stage from)
{
	if (from >= STAGE_STOPPED)
		return 0;
	unsigned m = 1u << STAGE_STOPPED;
	if (from < STAGE_SUSTAINED)
		m |= 1u << (from + 1);
	return m;
}

/* Who may: read is public; the lead's members, the area's coordinators
 * and platform admins create, change and decide; the lead's admins and
 * platform admins delete. */
static const perm_rules initiative_rules = {
	[ACT_READ] = W_ANYONE,
	[ACT_CREATE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
	[ACT_UPDATE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
	[ACT_DELETE] = W_PARTY_ADMIN | W_ADMIN,
};

static bool rel_can(const struct viewer *v, const struct initiative_rel *r, enum perm_action act)
{
	struct perm_target t = { NULL, true, r->lead, r->coordinated };
	return perm_check_rules(v, initiative_rules, act, &t) == 0;
}

bool initiative_rel_manages(const struct viewer *v, const struct initiative_rel *r)
{
	return r->found && rel_can(v, r, ACT_UPDATE);
}

bool initiative_rel_takes_part(const struct viewer *v, const struct initiative_rel *r)
{
	return r->found && (r->partner || initiative_rel_manages(v, r));
}

static const char *viewer_id(const struct viewer *v)
{
	return v && v->authenticated && v->user_id[0] ? v->user_id : NULL;
}

int initiative_relation(struct store_conn *c, const struct viewer *v, const char *id,
			struct initiative_rel *out)
{
	memset(out, 0, sizeof *out);
	if (!id || !uuid_valid(id, strlen(id)))
		return 0;
	struct store_stmt *st = rows_prepare(c,
		"SELECT i.lead_party_id, i.area_code, i.stage, i.title,"
		" (SELECT role FROM memberships WHERE party_id = i.lead_party_id AND user_id = ?2),"
		" ?2 IS NOT NULL AND EXISTS (SELECT 1 FROM initiative_partners ip JOIN memberships m"
		"   ON m.party_id = ip.party_id WHERE ip.initiative_id = i.id AND m.user_id = ?2),"
		" ?2 IS NOT NULL AND " AREA_COORDINATED_BY("i.area_code", "?2")
		" FROM initiatives i WHERE i.id = ?1", 2, id, viewer_id(v));
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW) {
		out->found = true;
		snprintf(out->lead_party, sizeof out->lead_party, "%s",
			 store_is_null(st, 0) ? "" : store_text(st, 0));
		snprintf(out->area, sizeof out->area, "%s", store_text(st, 1));
		snprintf(out->stage, sizeof out->stage, "%s", store_text(st, 2));
		snprintf(out->title, sizeof out->title, "%s", store_text(st, 3));
		int m = store_is_null(st, 4) ? -1 : enum_find(member_roles, MEMBER_ROLE_COUNT, store_text(st, 4));
		out->lead = m > 0 ? (enum member_role)m : MEMBER_NONE;
		out->partner = store_int(st, 5) != 0;
		out->coordinated = store_int(st, 6) != 0;
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}
