"""Draw the application icon (resources/icons/app.png and app.ico) with the bundled font.

Run once when the design changes: `python tools/make_icon.py`. The outputs are committed, so a
build needs neither this script nor Pillow at run time.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
ICONS = ROOT / "resources" / "icons"
SIZE = 256
RED = (196, 30, 58)
GOLD = (255, 214, 102)


def draw_icon() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((8, 8, SIZE - 8, SIZE - 8), radius=44, fill=RED)
    font = ImageFont.truetype(str(FONT), 150, index=0)
    draw.text((SIZE / 2, SIZE / 2 - 14), "专", font=font, fill=GOLD, anchor="mm")
    small = ImageFont.truetype(str(FONT), 40, index=0)
    draw.text((SIZE / 2, SIZE - 46), "精特新", font=small, fill="white", anchor="mm")
    return image


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    icon = draw_icon()
    icon.save(ICONS / "app.png")
    icon.save(ICONS / "app.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])


if __name__ == "__main__":
    main()
