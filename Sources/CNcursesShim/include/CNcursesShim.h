// CNcursesShim: the parts of ncursesw that Swift cannot import as they are.
//
// Swift imports ncurses' plain functions (raw, noecho, keypad, getmaxx, wrefresh, endwin...)
// directly through this module. What it cannot import is wrapped here, one prefixed name each,
// with no logic: macros built from other macros (the A_* attribute bits, the mouse button
// masks), mutable C globals that Swift 6 rejects under strict concurrency (stdscr, and the
// stdin/stdout that newterm takes), and the wide-character calls whose prototypes only appear
// with NCURSES_WIDECHAR (wget_wch, mvwaddnwstr). Colour pairs go to wattr_set as numbers, so
// COLOR_PAIR is not needed.
#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif
#include <wchar.h>

// MARK: - Globals

/// The standard screen (`stdscr`).
WINDOW *CNcurses_stdscr(void);
/// `newterm(NULL, stdout, stdin)`: like `initscr`, but returns NULL instead of exiting when
/// the terminal cannot be used.
SCREEN *CNcurses_newterm(void);
/// `COLORS` and `COLOR_PAIRS` (valid after `start_color`).
int CNcurses_colors(void);
int CNcurses_color_pairs(void);

// MARK: - Attributes

extern const attr_t CNcurses_A_NORMAL;
extern const attr_t CNcurses_A_BOLD;
extern const attr_t CNcurses_A_DIM;
extern const attr_t CNcurses_A_ITALIC;
extern const attr_t CNcurses_A_UNDERLINE;
extern const attr_t CNcurses_A_REVERSE;

// MARK: - Output

/// Writes `count` wide characters at row `y`, column `x` of `stdscr` with the attributes and
/// colour pair (`wattr_set` then `mvwaddnwstr`).
int CNcurses_put(int y, int x, const wchar_t *text, int count, attr_t attributes, short pair);

// MARK: - Input

/// `wget_wch(stdscr, ch)`: OK for a character, KEY_CODE_YES for a function key, ERR for none.
int CNcurses_get_wch(wint_t *ch);

extern const mmask_t CNcurses_BUTTON1_PRESSED;
extern const mmask_t CNcurses_BUTTON4_PRESSED;
extern const mmask_t CNcurses_BUTTON5_PRESSED;

/// `getmouse` unpacked: the event's cell and button state; ERR when there is none.
int CNcurses_getmouse(int *y, int *x, mmask_t *buttons);

#endif
