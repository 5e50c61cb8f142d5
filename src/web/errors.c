/* Error pages, in the viewer's language. */
#include "../base/err.h"
#include "html.h"
#include "layout.h"
#include "web.h"

void web_error_page(struct http_req *r, int status)
{
	enum msg title, text;
	switch (status) {
	case 400: title = M_ERR_400; text = M_ERR_400_TEXT; break;
	case 403: title = M_ERR_403; text = M_ERR_403_TEXT; break;
	case 404: title = M_ERR_404; text = M_ERR_404_TEXT; break;
	case 405: title = M_ERR_405; text = M_ERR_405_TEXT; break;
	case 413: title = M_ERR_413; text = M_ERR_413_TEXT; break;
	case 414: title = M_ERR_414; text = M_ERR_414_TEXT; break;
	case 415: title = M_ERR_415; text = M_ERR_415_TEXT; break;
	default: status = status >= 500 ? status : 500; title = M_ERR_500; text = M_ERR_500_TEXT; break;
	}
	page_message(r, status, T(r, title), T(r, text));
}

void web_fail(struct http_req *r, int rc, const char *next)
{
	if (rc == ERR_AUTH && next)
		page_login_redirect(r, next);
	else
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : rc == ERR_FORBIDDEN ? 403 : rc == ERR_INVALID ? 400 :
				  rc == ERR_CONFLICT ? 409 : 500);
}

bool web_list_shown(struct http_req *r, int rc)
{
	if (rc == ERR_INVALID)
		r->status = 400;
	else if (rc)
		web_error_page(r, rc == ERR_FORBIDDEN || rc == ERR_AUTH ? 403 : 500);
	return !rc || rc == ERR_INVALID;
}
