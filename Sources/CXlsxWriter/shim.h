// libxlsxwriter (Debian libxlsxwriter-dev), found through its pkg-config file.
#include <xlsxwriter.h>
