#!/bin/sh
# End-to-end test of the full-screen tutor in a real terminal, driven through tmux: start it,
# move to a step, run it and see its output, type and complete in the REPL, resize (also below
# the minimum size), quit, start again where the learner left off, and check that the terminal
# settings are exactly what they were before.
#
#   sh Tests/EndToEnd/tutor-tmux.sh [PATH/TO/pytorch-tutor]
#
# Uses a private tmux server (-L), so it never touches the user's sessions.
set -eu

BIN=$(cd "$(dirname "${1:-.build/debug/pytorch-tutor}")" && pwd)/$(basename "${1:-.build/debug/pytorch-tutor}")
LESSONS=$(cd "$(dirname "$0")/../../Lessons" && pwd)
WORK=$(mktemp -d)
TMUX_CMD="tmux -L pytorch-tutor-e2e-$$ -f /dev/null"
trap '$TMUX_CMD kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT

fail() {
    echo "tutor-tmux: FAIL: $1" >&2
    echo "--- screen:" >&2
    $TMUX_CMD capture-pane -p -t e2e >&2 || true
    exit 1
}

# Waits up to 20 s for the screen to show a fixed string.
expect_screen() {
    tries=0
    until $TMUX_CMD capture-pane -p -t e2e | grep -qF -- "$1"; do
        tries=$((tries + 1))
        [ "$tries" -lt 200 ] || fail "the screen never showed: $1"
        sleep 0.1
    done
}

keys() { $TMUX_CMD send-keys -t e2e "$@"; }

$TMUX_CMD new-session -d -s e2e -x 100 -y 30 "env -i PATH=/usr/bin:/bin TERM=screen-256color LANG=C.UTF-8 HOME=$WORK sh"
keys "stty -g > $WORK/before; $BIN --lessons $LESSONS; echo EXIT=\$?; stty -g > $WORK/after" Enter

expect_screen "What is PyTorch"
expect_screen "q Quit"

# Move to the first code step and run it.
keys n
expect_screen "Tensors"
keys Enter
expect_screen "total: tensor(24.)"
expect_screen "✓ Ran."

# The REPL runs in the same session: cost exists.
keys Tab Tab
keys -l "print(cost.sum() + 18)"
keys Enter
expect_screen "tensor(42.)"

# Tab completes a name from the session.
keys -l "torch.zeros_l"
keys Tab
expect_screen ">>> torch.zeros_like"
keys C-u

# Resize: smaller layout, too small, and back.
$TMUX_CMD resize-window -t e2e -x 70 -y 20
expect_screen "REPL"
$TMUX_CMD resize-window -t e2e -x 50 -y 12
expect_screen "terminal too small (need 60x16)"
$TMUX_CMD resize-window -t e2e -x 120 -y 35
expect_screen "tensor(42.)"

# Leave the REPL (Ctrl-D) and quit.
keys C-d
keys q
expect_screen "EXIT=0"

# Progress was saved: a new run opens at the same step, and Up recalls the REPL line.
keys "clear; $BIN --lessons $LESSONS; echo EXIT2=\$?; stty -g > $WORK/after" Enter
expect_screen "Welcome back"
keys Tab Tab Up
expect_screen ">>> print(cost.sum() + 18)"
keys C-d q
expect_screen "EXIT2=0"
[ -f "$WORK/.local/state/pytorch-tutor/progress.txt" ] || fail "no progress file in \$HOME/.local/state/pytorch-tutor"
sleep 0.2
cmp -s "$WORK/before" "$WORK/after" || fail "terminal settings differ after quitting: $(cat "$WORK/before") vs $(cat "$WORK/after")"
echo "tutor-tmux: ok"
