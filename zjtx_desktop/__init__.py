"""专精特新政策申报助手: offline declaration assistant for Xiamen's 专精特新 support measures."""

__version__ = "0.1.0"
