// libpng's simplified API (png_image_*): it reports errors through its return value instead of longjmp, so it can
// be called from Swift on untrusted bytes.
#include <png.h>
