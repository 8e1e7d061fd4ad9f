// libharu (Debian libhpdf-dev); it ships no pkg-config file, so the header is found on the default include path.
#include <hpdf.h>
