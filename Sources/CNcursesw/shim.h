// The wide-character ncurses API for Swift (see SWIFT-ON-LINUX.md): the defines must come
// before the header, and macro-only names need small functions.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/ncurses.h>

static inline int centrale_lines(void) { return LINES; }
static inline int centrale_cols(void) { return COLS; }
static inline WINDOW *centrale_stdscr(void) { return stdscr; }
static inline int centrale_key_resize(void) { return KEY_RESIZE; }
static inline attr_t centrale_color_pair(int n) { return COLOR_PAIR(n); }
static inline attr_t centrale_a_bold(void) { return A_BOLD; }
static inline attr_t centrale_a_reverse(void) { return A_REVERSE; }
