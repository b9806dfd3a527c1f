/* library.c -- finding a module shipped inside brink (library.h).  The
 * table itself is generated from src/modules/ by the Makefile. */
#include "library.h"

#include <string.h>

const char *library_text(const char *name) {
  for (int i = 0; i < library_count; i++)
    if (strcmp(library_modules[i].name, name) == 0)
      return library_modules[i].text;
  return NULL;
}
