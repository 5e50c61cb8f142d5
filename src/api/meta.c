/* /api/v1/health and /api/v1/openapi.json. */
#include "../base/buf.h"
#include "../base/jw.h"
#include "../store/store.h"
#include "api.h"
#include "common.h"

/* openapi.json, built into the binary (see the .incbin below). */
extern const char openapi_json[];
extern const char openapi_json_end[];
__asm__(".section .rodata\n"
	".global openapi_json\n"
	"openapi_json:\n"
	".incbin \"src/api/openapi.json\"\n"
	".global openapi_json_end\n"
	"openapi_json_end:\n"
	".byte 0\n"
	".previous\n");

static void api_health(struct http_req *r)
{
	struct store_stmt *st = store_prepare(store_reader(r->store), "SELECT count(*) FROM roles");
	bool ok = st && store_step(st) == STORE_ROW;
	if (st)
		store_reset(st);
	if (!ok) {
		api_error(r, 503, "The database does not answer; try again later.");
		return;
	}
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	jw_kstr(&w, "status", "ok");
	jw_end(&w);
}

static void api_openapi(struct http_req *r)
{
	size_t len;
	const char *doc = api_openapi_document(&len);
	if (!doc) {
		api_error(r, 500, "The API's description could not be built; see the server's log.");
		return;
	}
	buf_reset(&r->out);
	buf_add(&r->out, doc, len);
	r->status = 200;
	r->content_type = "application/json";
	http_add_header(r, "Cache-Control", "public, max-age=300");
}

const struct http_route api_meta_routes[] = {
	{ HM_GET, "/api/v1/health", api_health, 0 },
	{ HM_GET, "/api/v1/openapi.json", api_openapi, 0 },
	{ 0 },
};
