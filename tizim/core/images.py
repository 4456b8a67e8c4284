"""Clean copies of uploaded photos, for staff to look at without learning where they were taken.

Threat model: ``docs/threat-model.md``, protection P5. A photo of bruises taken on a phone
carries GPS coordinates, the phone's make and serial-like identifiers, the time, sometimes the
owner's name (EXIF, XMP, comments, ICC profile descriptions). A volunteer who opens it, a
partner it is forwarded to, or anyone who seizes the viewing copy would learn where the reporter
was. So the copy shown to staff is re-encoded from pixels alone; the original upload is kept
only sealed (``tizim.core.sealing``), with its SHA-256 so evidence can still be shown to be the
file that was received.

Re-encoding from pixels (rather than deleting known tags) is deliberate: it drops every metadata
block, including ones no list of tags foresaw, and it turns a malformed file into either a plain
image or a refusal. Decoding untrusted images is itself a risk, so only JPEG, PNG and WebP are
decoded, and the pixel count is checked from the header before any pixel is decompressed.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from typing import Final, Literal

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

__all__ = [
    "DEFAULT_MAX_PIXELS",
    "MIME_TYPES",
    "ImageFormat",
    "ImageRejected",
    "image_format",
    "sha256_hex",
    "strip_metadata",
]

ImageFormat = Literal["JPEG", "PNG", "WEBP"]
_FORMATS: Final[tuple[ImageFormat, ...]] = ("JPEG", "PNG", "WEBP")
MIME_TYPES: Final[dict[str, str]] = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
}

# 24 megapixels: a phone's photo (12 MP by default, 48–50 MP sensors bin to 12) or a camera's
# 6000×4000. Decoding costs about 15 bytes a pixel at the peak (the decoded image, its upright
# and sRGB copies, the re-encoding), so a 49 MP image took 8 s and 700 MB per upload; the
# limit keeps one image under 400 MB, and a bomb over it is refused from its header alone.
DEFAULT_MAX_PIXELS: Final = 24_000_000
# JPEG quality of the viewing copy: visually lossless for photographs of injuries and documents.
# The original, bit for bit, stays in the sealed item.
_JPEG_QUALITY: Final = 92


class ImageRejected(ValueError):
    """The upload is not an image tizim will decode; ``reason`` says why, in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` in lower-case hex: the evidence fingerprint of an upload."""
    return hashlib.sha256(data).hexdigest()


def image_format(data: bytes) -> ImageFormat:
    """Which of JPEG, PNG and WebP ``data`` is, judged by its content (never its file name).

    Raises :class:`ImageRejected` for anything else.
    """
    with _open(data) as image:
        return _format_of(image)


def strip_metadata(data: bytes, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> bytes:
    """``data`` re-encoded in its own format with no metadata at all.

    EXIF orientation is applied first, so the photo still stands the right way up once the tag
    that said how to turn it is gone. Colours are converted to sRGB when the photo carries an ICC
    profile (the profile itself is dropped: profile descriptions can name a device). Animated
    images keep their first frame. Raises :class:`ImageRejected` for non-images, formats other
    than JPEG/PNG/WebP, truncated files, and images of more than ``max_pixels`` pixels
    (decompression bombs).
    """
    if max_pixels < 1:
        raise ValueError("max_pixels must be positive")
    with _open(data) as image:
        kind = _format_of(image)
        width, height = image.size
        if width < 1 or height < 1:
            raise ImageRejected("the image has no pixels")
        if width * height > max_pixels:
            raise ImageRejected(
                f"the image is {width}×{height} pixels, more than the {max_pixels:,} allowed"
            )
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                image.seek(0)
                image.load()
                upright = ImageOps.exif_transpose(image)
                pixels = _to_srgb(upright, image.info.get("icc_profile"))
                pixels = _plain_mode(pixels, kind)
                # A new image from raw pixels carries no ``info``: nothing of the original's
                # metadata can reach the encoder, whatever Pillow's defaults are.
                clean = Image.frombytes(pixels.mode, pixels.size, pixels.tobytes())
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ImageRejected("the image is too large to decode safely") from exc
        except (OSError, SyntaxError, ValueError) as exc:
            # Pillow reports truncated and corrupt data as OSError (sometimes SyntaxError or
            # ValueError from a plugin); none of it is worth more than a plain refusal.
            raise ImageRejected(f"the image is damaged or truncated ({exc})") from exc
    return _encode(clean, kind)


def _open(data: bytes) -> Image.Image:
    if not data:
        raise ImageRejected("the file is empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data), formats=list(_FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRejected("the image is too large to decode safely") from exc
    except UnidentifiedImageError as exc:
        raise ImageRejected("the file is not a JPEG, PNG or WebP image") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageRejected(f"the image header is damaged ({exc})") from exc


def _format_of(image: Image.Image) -> ImageFormat:
    for kind in _FORMATS:
        if image.format == kind:
            return kind
    raise ImageRejected("the file is not a JPEG, PNG or WebP image")


def _to_srgb(image: Image.Image, icc_profile: object) -> Image.Image:
    if not isinstance(icc_profile, bytes) or not icc_profile or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        target = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
        converted = ImageCms.profileToProfile(image, source, target, outputMode=image.mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        # A broken or exotic profile: keep the pixels as they are (colours may look off; the
        # original is sealed) rather than refuse a photo someone risked sending.
        return image
    return converted if converted is not None else image


def _plain_mode(image: Image.Image, kind: ImageFormat) -> Image.Image:
    """The image in a mode its format stores without side data (no palette, no CMYK)."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if kind == "JPEG":
        return image if image.mode in ("L", "RGB") else image.convert("RGB")
    if image.mode in ("L", "RGB", "RGBA", "LA") and "transparency" not in image.info:
        return image
    return image.convert("RGBA" if has_alpha else "RGB")


def _encode(image: Image.Image, kind: ImageFormat) -> bytes:
    out = io.BytesIO()
    if kind == "JPEG":
        image.save(out, "JPEG", quality=_JPEG_QUALITY, optimize=True)
    elif kind == "PNG":
        image.save(out, "PNG", optimize=True)
    else:
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if "A" in image.mode else "RGB")
        image.save(out, "WEBP", quality=_JPEG_QUALITY, method=4)
    return out.getvalue()
