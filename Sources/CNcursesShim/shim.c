#include "CNcursesShim.h"
#include <stdio.h>

WINDOW *CNcurses_stdscr(void) { return stdscr; }
SCREEN *CNcurses_newterm(void) { return newterm(NULL, stdout, stdin); }
int CNcurses_colors(void) { return COLORS; }
int CNcurses_color_pairs(void) { return COLOR_PAIRS; }

const attr_t CNcurses_A_NORMAL = A_NORMAL;
const attr_t CNcurses_A_BOLD = A_BOLD;
const attr_t CNcurses_A_DIM = A_DIM;
const attr_t CNcurses_A_ITALIC = A_ITALIC;
const attr_t CNcurses_A_UNDERLINE = A_UNDERLINE;
const attr_t CNcurses_A_REVERSE = A_REVERSE;

int CNcurses_put(int y, int x, const wchar_t *text, int count, attr_t attributes, short pair) {
    wattr_set(stdscr, attributes, pair, NULL);
    return mvwaddnwstr(stdscr, y, x, text, count);
}

int CNcurses_get_wch(wint_t *ch) { return wget_wch(stdscr, ch); }

const mmask_t CNcurses_BUTTON1_PRESSED = BUTTON1_PRESSED;
const mmask_t CNcurses_BUTTON4_PRESSED = BUTTON4_PRESSED;
const mmask_t CNcurses_BUTTON5_PRESSED = BUTTON5_PRESSED;

int CNcurses_getmouse(int *y, int *x, mmask_t *buttons) {
    MEVENT event;
    if (getmouse(&event) != OK) return ERR;
    *y = event.y;
    *x = event.x;
    *buttons = event.bstate;
    return OK;
}
