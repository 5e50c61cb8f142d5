/* /style.css: kiem's one stylesheet, built into the binary. */
#include "pages.h"

extern const char style_css[];
extern const char style_css_end[];
__asm__(".section .rodata\n"
	".global style_css\n"
	"style_css:\n"
	".incbin \"src/web/static/style.css\"\n"
	".global style_css_end\n"
	"style_css_end:\n"
	".byte 0\n"
	".previous\n");

static void page_style(struct http_req *r)
{
	buf_reset(&r->out);
	buf_add(&r->out, style_css, (size_t)(style_css_end - style_css));
	r->status = 200;
	r->content_type = "text/css; charset=utf-8";
	http_add_header(r, "Cache-Control", "public, max-age=3600");
}

const struct http_route web_static_routes[] = {
	{ HM_GET, "/style.css", page_style, 0 },
	{ 0 },
};
