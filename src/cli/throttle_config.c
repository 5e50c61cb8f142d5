/* The limits of model/throttle.h from the environment, for serve. */
#include "../model/throttle.h"
#include "cli.h"

int cli_throttle_config(void)
{
	long mail = throttle_mail_limit, account = throttle_account_limit, address = throttle_address_limit;
	long window_minutes = THROTTLE_WINDOW / 60;
	if (!cli_env_number("KIEM_MAIL_LIMIT", 1, 1000000, &mail) ||
	    !cli_env_number("KIEM_LOGIN_ACCOUNT_LIMIT", 1, 1000, &account) ||
	    !cli_env_number("KIEM_LOGIN_ADDRESS_LIMIT", 1, 1000000, &address) ||
	    !cli_env_number("KIEM_LOGIN_WINDOW_MINUTES", 1, 1440, &window_minutes))
		return 2;
	throttle_mail_limit = (int)mail;
	throttle_account_limit = (int)account;
	throttle_address_limit = (int)address;
	throttle_window = (int)window_minutes * 60;
	return 0;
}
