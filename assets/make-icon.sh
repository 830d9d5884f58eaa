#!/usr/bin/env bash
# Draws assets/icon.png, the program icon: the characters 对口 in white Noto
# Sans SC Bold on a trade-union red rounded square, with a gold line under
# them for the link between two places. Needs ImageMagick.
set -euo pipefail
cd "$(dirname "$0")"
convert -size 512x512 xc:none \
  -fill '#C8102E' -draw 'roundrectangle 16,16 495,495 96,96' \
  -fill '#F6C343' -draw 'roundrectangle 112,372 400,396 12,12' \
  -font fonts/NotoSansSC_700Bold.ttf -pointsize 190 -fill white \
  -gravity center -annotate +0-36 '对口' \
  -strip icon.png
