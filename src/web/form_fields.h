/* form_fields: forms read and drawn from an entity's field descriptors
 * (model/fields.h), so that every form works the same way: without
 * JavaScript, keeping what was typed, each problem beside its field, the
 * labels and hints in the page's language. */
#ifndef KIEM_FORM_FIELDS_H
#define KIEM_FORM_FIELDS_H

#include <stddef.h>

#include "../http/http.h"
#include "../model/fields.h"

enum { FORM_FIELDS_MAX = 40 };

/* What a form holds besides the entity: the text as typed of the fields
 * that may not parse (numbers, lists), by the index of their descriptor. */
struct form_typed {
	const char *text[FORM_FIELDS_MAX];
};

/* Reads the fields that are not read-only from a posted form into obj; a
 * number that does not parse adds its problem (the model adds the rest). */
void form_read_fields(struct http_req *r, const struct form *f, const struct field_desc *d, size_t n,
		      void *obj, struct form_typed *typed, struct problems *p);
/* The typed text of the stored values, for a form that changes obj. */
void form_typed_from(struct http_req *r, const struct field_desc *d, size_t n, const void *obj,
		     struct form_typed *typed);
/* Draws the field called name as its kind asks: a text box, a text area,
 * radio buttons, checkboxes (areas as a tree, roles from the catalogue). */
void form_field(struct http_req *r, const struct field_desc *d, size_t n, const char *name, const void *obj,
		const struct form_typed *typed, const struct problems *p);
/* What a page says of a field in its own words (NULL, 0 and false: as the
 * descriptor says). */
struct field_look {
	const char *label, *hint;
	const char *const *key_labels; /* FK_ENUM: a label per key */
	const char *const *key_hints;  /* FK_ENUM: a hint per key */
	int rows;                      /* FK_MARKDOWN: the box's height */
	bool required;                 /* asked for, though the model has a default */
};
/* form_field, drawn as look says. */
void form_field_as(struct http_req *r, const struct field_desc *d, size_t n, const char *name, const void *obj,
		   const struct form_typed *typed, const struct problems *p, const struct field_look *look);
/* form_error_summary with the labels of the descriptors. */
void form_fields_summary(struct http_req *r, const struct problems *p, const struct field_desc *d, size_t n);

#endif
