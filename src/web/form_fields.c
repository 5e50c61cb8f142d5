#include "form_fields.h"

#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/text.h"
#include "../model/area.h"
#include "../model/role.h"
#include "html.h"
#include "layout.h"

/* Values typed into one box, split on commas (and white space, for codes). */
static void split_into(struct http_req *r, const char *const *values, size_t nvalues, bool on_space,
		       struct strlist *out)
{
	size_t cap = 8;
	out->v = arena_alloc(r->arena, sizeof *out->v * cap);
	out->n = 0;
	for (size_t i = 0; i < nvalues; i++) {
		const char *p = values[i];
		while (*p) {
			size_t len = 0;
			while (p[len] && p[len] != ',' &&
			       !(on_space && (p[len] == ' ' || p[len] == '\n' || p[len] == '\r' || p[len] == '\t')))
				len++;
			if (len) {
				if (out->n == cap) {
					const char **nv = arena_alloc(r->arena, sizeof *nv * cap * 2);
					memcpy(nv, out->v, sizeof *nv * cap);
					out->v = nv;
					cap *= 2;
				}
				/* past the limits is the model's to report */
				out->v[out->n++] = arena_strndup(r->arena, p, len);
				if (out->n > 1000)
					return;
			}
			p += len;
			if (*p)
				p++;
		}
	}
}

static const char *join(struct http_req *r, const struct strlist *l)
{
	struct buf b = BUF_INIT(64 * 1024);
	for (size_t i = 0; i < l->n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", l->v[i]);
	const char *s = arena_strdup(r->arena, b.ptr);
	buf_release(&b);
	return s;
}

/* Euros as people type them into cents: "12,50", "12.50", "1.250",
 * "1.250,50", "7". A comma is the decimal sign; so is a dot when it is the
 * only one and one or two digits follow it; other dots group thousands. */
static bool parse_euros(const char *s, long long max_cents, long long *out)
{
	const char *comma = strchr(s, ','), *dot = strchr(s, '.');
	const char *point = comma;
	if (!comma && dot && !strchr(dot + 1, '.') && strlen(dot + 1) >= 1 && strlen(dot + 1) <= 2)
		point = dot;
	if (point == s || (point && (!point[1] || strchr(point + 1, ','))))
		return false;
	long long cents = 0;
	int decimals = -1;
	for (const char *p = s; *p; p++) {
		if (p == point) {
			decimals = 0;
		} else if (*p == '.' && decimals < 0 && p != s) {
			continue; /* a thousands separator */
		} else if (*p >= '0' && *p <= '9' && decimals < 2) {
			cents = cents * 10 + (*p - '0');
			if (decimals >= 0)
				decimals++;
			if (cents > max_cents * 100)
				return false;
		} else {
			return false;
		}
	}
	for (int d = decimals < 0 ? 0 : decimals; d < 2; d++)
		cents *= 10;
	*out = cents;
	return cents <= max_cents;
}

void form_read_fields(struct http_req *r, const struct form *f, const struct field_desc *d, size_t n,
		      void *obj, struct form_typed *typed, struct problems *p)
{
	for (size_t i = 0; i < n && i < FORM_FIELDS_MAX; i++) {
		const struct field_desc *fd = &d[i];
		if (fd->flags & (F_READ_ONLY | F_INTERNAL))
			continue;
		if (fd->flags & F_LIST) {
			const char *vals[200];
			size_t count = form_get_all(f, fd->name, vals, sizeof vals / sizeof vals[0]);
			if (count > sizeof vals / sizeof vals[0])
				count = sizeof vals / sizeof vals[0];
			struct strlist l;
			split_into(r, vals, count, fd->flags & F_SPLIT_SPACE, &l);
			fields_set_list(fd, obj, l.v, l.n);
			/* one box is kept as typed; boxes ticked, as a list */
			typed->text[i] = count == 1 ? vals[0] : join(r, &l);
		} else if (fd->kind == FK_INT || fd->kind == FK_MONEY) {
			const char *t = form_get(f, fd->name);
			typed->text[i] = t;
			const char *v = t ? text_trim(r->arena, t, strlen(t)) : "";
			long long x;
			fields_set_num(fd, obj, false, 0);
			if (!*v)
				continue;
			bool ok = fd->kind == FK_MONEY ? parse_euros(v, fd->max, &x)
						       : text_parse_int(v, strlen(v), fd->min, fd->max, &x);
			if (ok && x >= fd->min)
				fields_set_num(fd, obj, true, x);
			else
				problems_add_range(p, fd->name, (long)fd->min, (long)fd->max);
		} else if (fd->kind == FK_BOOL) {
			fields_set_bool(fd, obj, form_get(f, fd->name) != NULL);
		} else {
			fields_set_str(fd, obj, form_get(f, fd->name));
		}
	}
}

void form_typed_from(struct http_req *r, const struct field_desc *d, size_t n, const void *obj,
		     struct form_typed *typed)
{
	for (size_t i = 0; i < n && i < FORM_FIELDS_MAX; i++) {
		long long v;
		if (d[i].flags & F_LIST)
			typed->text[i] = join(r, fields_list(&d[i], obj));
		else if (d[i].kind == FK_MONEY)
			typed->text[i] = fields_num(&d[i], obj, &v)
					 ? arena_printf(r->arena, "%s%lld,%02lld", v < 0 ? "-" : "", llabs(v) / 100,
							llabs(v) % 100) : "";
		else if (d[i].kind == FK_INT)
			typed->text[i] = fields_num(&d[i], obj, &v) ? arena_printf(r->arena, "%lld", v) : "";
	}
}

static void field_areas(struct http_req *r, const struct field_desc *d, const struct strlist *chosen,
			const char *typed, const struct problems *p)
{
	size_t nareas = 0;
	struct choice *c = web_area_choices(r, 200, &nareas);
	if (c && nareas) {
		for (size_t i = 0; i < nareas; i++)
			c[i].checked = strlist_has(chosen, c[i].value);
		field_choices(r, d->name, d->label[r->lang], d->hint[r->lang], c, nareas, true, p);
		return;
	}
	/* too many areas for boxes: their codes, typed */
	struct field f = { .name = d->name, .label = d->label[r->lang], .hint = T(r, M_AREAS_CODES_HINT),
			   .value = typed };
	field_text(r, &f, p);
}

static void field_roles(struct http_req *r, const struct field_desc *d, const struct strlist *chosen,
			const struct problems *p)
{
	struct choice *c = arena_alloc(r->arena, sizeof *c * role_catalogue_count);
	for (size_t i = 0; i < role_catalogue_count; i++)
		c[i] = (struct choice){ role_catalogue[i].key, role_catalogue[i].name[r->lang],
					role_catalogue[i].description[r->lang],
					strlist_has(chosen, role_catalogue[i].key), 0 };
	field_choices(r, d->name, d->label[r->lang], d->hint[r->lang], c, role_catalogue_count, true, p);
}

static void field_enum(struct http_req *r, const struct field_desc *d, const struct field *f, const char *value,
		       const struct field_look *look, const struct problems *p)
{
	struct choice *c = arena_alloc(r->arena, sizeof *c * (size_t)d->nkeys);
	if (!value)
		value = d->def;
	for (int i = 0; i < d->nkeys; i++)
		c[i] = (struct choice){ d->keys[i].key, look->key_labels ? look->key_labels[i] : d->keys[i].name[r->lang],
					look->key_hints ? look->key_hints[i] : d->key_hints ? d->key_hints[i][r->lang] : NULL,
					value && strcmp(value, d->keys[i].key) == 0, 0 };
	field_choices(r, d->name, f->label, f->hint, c, (size_t)d->nkeys, false, p);
}

void form_field(struct http_req *r, const struct field_desc *d, size_t n, const char *name, const void *obj,
		const struct form_typed *typed, const struct problems *p)
{
	form_field_as(r, d, n, name, obj, typed, p, &(struct field_look){ 0 });
}

void form_field_as(struct http_req *r, const struct field_desc *d, size_t n, const char *name, const void *obj,
		   const struct form_typed *typed, const struct problems *p, const struct field_look *look)
{
	const struct field_desc *fd = fields_find(d, n, name);
	if (!fd)
		return;
	size_t i = (size_t)(fd - d);
	const char *t = typed && i < FORM_FIELDS_MAX ? typed->text[i] : NULL;
	struct field f = { .name = fd->name, .label = look->label ? look->label : fd->label[r->lang],
			   .hint = look->hint ? look->hint : fd->hint[r->lang],
			   .required = (fd->flags & F_REQUIRED) || look->required, .autocomplete = fd->autocomplete };
	if (fd->flags & F_LIST) {
		if (fd->kind == FK_AREA) {
			field_areas(r, fd, fields_list(fd, obj), t, p);
			return;
		}
		if (fd->kind == FK_ROLE) {
			field_roles(r, fd, fields_list(fd, obj), p);
			return;
		}
		f.value = t;
		field_text(r, &f, p);
		return;
	}
	switch (fd->kind) {
	case FK_MARKDOWN:
		f.value = fields_str(fd, obj);
		field_textarea(r, &f, look->rows ? look->rows : 8, p);
		return;
	case FK_ENUM:
		field_enum(r, fd, &f, fields_str(fd, obj), look, p);
		return;
	case FK_INT:
	case FK_MONEY:
		f.value = t;
		f.inputmode = fd->kind == FK_MONEY ? "decimal" : "numeric";
		field_text(r, &f, p);
		return;
	case FK_BOOL: {
		struct choice c = { "1", fd->label[r->lang], fd->hint[r->lang], fields_bool(fd, obj), 0 };
		field_choices(r, fd->name, fd->label[r->lang], NULL, &c, 1, true, p);
		return;
	}
	default:
		f.value = fields_str(fd, obj);
		f.type = fd->kind == FK_EMAIL ? "email" : fd->kind == FK_PHONE ? "tel" : fd->kind == FK_URL ? "url"
			 : fd->kind == FK_DATE ? "date" : "text";
		field_text(r, &f, p);
		return;
	}
}

void form_fields_summary(struct http_req *r, const struct problems *p, const struct field_desc *d, size_t n)
{
	struct field_label *labels = arena_alloc(r->arena, sizeof *labels * (n ? n : 1));
	for (size_t i = 0; i < n; i++)
		labels[i] = (struct field_label){ d[i].name, d[i].label[r->lang] };
	form_error_summary(r, p, labels, n);
}
