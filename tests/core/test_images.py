"""Viewing copies of uploaded photos carry no metadata: no place, no device, no owner."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib

import pytest
from PIL import ExifTags, Image, ImageChops, ImageStat, PngImagePlugin

from tizim.core.images import (
    MIME_TYPES,
    ImageRejected,
    image_format,
    sha256_hex,
    strip_metadata,
)

CAMERA = "CANARY-PHONE-7731"
OWNER = "CANARY-OWNER-Асель"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
    b'photoshop:City="CANARY-CITY-Almaty"/></rdf:RDF></x:xmpmeta>'
)


def _exif_with_gps(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = CAMERA
    exif[ExifTags.Base.Model] = CAMERA
    exif[ExifTags.Base.Artist] = OWNER
    exif[ExifTags.Base.DateTime] = "2022:01:06 19:54:00"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (43.0, 14.0, 18.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (76.0, 56.0, 42.0),
    }
    return exif


def _photo(size: tuple[int, int] = (120, 80)) -> Image.Image:
    """Left half red, right half blue, with a gradient so that pixels differ."""
    width, height = size
    image = Image.new("RGB", size)
    image.putdata(
        [
            ((200, 30 + y, 40) if x < width // 2 else (20, 40 + y, 210))
            for y in range(height)
            for x in range(width)
        ]
    )
    return image


def _jpeg(orientation: int = 1, size: tuple[int, int] = (120, 80)) -> bytes:
    out = io.BytesIO()
    _photo(size).save(
        out, "JPEG", quality=95, exif=_exif_with_gps(orientation), comment=OWNER.encode()
    )
    # Pillow writes XMP for JPEG from the ``xmp`` argument (APP1 "http://ns.adobe.com/xap/1.0/").
    data = out.getvalue()
    if XMP not in data:
        out = io.BytesIO()
        _photo(size).save(
            out,
            "JPEG",
            quality=95,
            exif=_exif_with_gps(orientation),
            comment=OWNER.encode(),
            xmp=XMP,
        )
        data = out.getvalue()
    return data


def _assert_no_metadata(data: bytes) -> None:
    for canary in (CAMERA.encode(), OWNER.encode(), b"CANARY", b"Exif\x00\x00", b"xmpmeta"):
        assert canary not in data
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif()
        assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
        for key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "Author"):
            assert key not in image.info


def test_fixture_really_carries_gps_and_identifying_metadata() -> None:
    """Guards the test itself: the input must contain what the output must not."""
    data = _jpeg()
    assert CAMERA.encode() in data and XMP in data and OWNER.encode() in data
    with Image.open(io.BytesIO(data)) as image:
        gps = image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert gps[ExifTags.GPS.GPSLatitudeRef] == "N"
        assert "comment" in image.info


def test_jpeg_loses_exif_gps_xmp_and_comment() -> None:
    clean = strip_metadata(_jpeg())
    assert image_format(clean) == "JPEG"
    _assert_no_metadata(clean)


def test_jpeg_pixels_are_preserved_within_jpeg_tolerance() -> None:
    original = _jpeg()
    with (
        Image.open(io.BytesIO(original)) as before,
        Image.open(io.BytesIO(strip_metadata(original))) as after,
    ):
        assert after.size == before.size
        difference = ImageChops.difference(before.convert("RGB"), after.convert("RGB"))
        assert max(ImageStat.Stat(difference).mean) < 2.0
        extrema = difference.getextrema()
        assert isinstance(extrema, tuple)
        assert max(band[1] for band in extrema if isinstance(band, tuple)) < 40


@pytest.mark.parametrize(
    ("orientation", "size", "red_at", "blue_at"),
    [
        # 6: stored rotated; display turns it 90° clockwise, so the left (red) half goes on top.
        (6, (80, 120), (40, 10), (40, 110)),
        # 8: turned 90° counter-clockwise: the left half goes to the bottom.
        (8, (80, 120), (40, 110), (40, 10)),
        # 3: upside down: left and right swap.
        (3, (120, 80), (110, 40), (10, 40)),
        # 1: as stored.
        (1, (120, 80), (10, 40), (110, 40)),
    ],
)
def test_exif_orientation_is_applied_before_the_tag_is_dropped(
    orientation: int, size: tuple[int, int], red_at: tuple[int, int], blue_at: tuple[int, int]
) -> None:
    clean = strip_metadata(_jpeg(orientation))
    with Image.open(io.BytesIO(clean)) as image:
        assert image.size == size
        assert ExifTags.Base.Orientation not in image.getexif()
        red, blue = image.convert("RGB").getpixel(red_at), image.convert("RGB").getpixel(blue_at)
    assert isinstance(red, tuple) and isinstance(blue, tuple)
    assert red[0] > 150 and red[2] < 100
    assert blue[2] > 150 and blue[0] < 100


def _png_with_metadata() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", OWNER)
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    out = io.BytesIO()
    image = _photo().convert("RGBA")
    image.putpixel((0, 0), (1, 2, 3, 0))
    image.save(out, "PNG", pnginfo=info, exif=_exif_with_gps())
    return out.getvalue()


def test_png_loses_text_chunks_and_exif_but_keeps_exact_pixels_and_alpha() -> None:
    original = _png_with_metadata()
    assert OWNER.encode() in original or b"CANARY-OWNER" in original
    clean = strip_metadata(original)
    assert image_format(clean) == "PNG"
    _assert_no_metadata(clean)
    with Image.open(io.BytesIO(original)) as before, Image.open(io.BytesIO(clean)) as after:
        assert after.mode == "RGBA"
        assert ImageChops.difference(before, after).getbbox() is None


def test_webp_loses_exif_and_xmp() -> None:
    out = io.BytesIO()
    _photo().save(out, "WEBP", quality=90, exif=_exif_with_gps(), xmp=XMP)
    original = out.getvalue()
    assert CAMERA.encode() in original
    clean = strip_metadata(original)
    assert image_format(clean) == "WEBP"
    _assert_no_metadata(clean)


def test_icc_profile_is_dropped_after_converting_colours_to_srgb() -> None:
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    _photo().save(out, "JPEG", quality=95, icc_profile=profile)
    with Image.open(io.BytesIO(out.getvalue())) as before:
        assert before.info.get("icc_profile")
    clean = strip_metadata(out.getvalue())
    _assert_no_metadata(clean)


def test_palette_and_cmyk_images_come_out_in_plain_modes() -> None:
    out = io.BytesIO()
    _photo().convert("P").save(out, "PNG")
    with Image.open(io.BytesIO(strip_metadata(out.getvalue()))) as image:
        assert image.mode == "RGB"
    out = io.BytesIO()
    _photo().convert("CMYK").save(out, "JPEG")
    with Image.open(io.BytesIO(strip_metadata(out.getvalue()))) as image:
        assert image.mode == "RGB"


def test_text_file_posing_as_jpeg_is_rejected() -> None:
    with pytest.raises(ImageRejected, match="not a JPEG, PNG or WebP"):
        strip_metadata(b"Name: Yerlan\nPhone: +7 701 000 00 00\n")
    with pytest.raises(ImageRejected, match="empty"):
        strip_metadata(b"")


def test_other_image_formats_are_not_decoded() -> None:
    out = io.BytesIO()
    _photo().save(out, "GIF")
    with pytest.raises(ImageRejected, match="not a JPEG, PNG or WebP"):
        strip_metadata(out.getvalue())
    out = io.BytesIO()
    _photo().save(out, "TIFF")
    with pytest.raises(ImageRejected):
        image_format(out.getvalue())


def test_truncated_image_is_rejected() -> None:
    data = _jpeg()
    with pytest.raises(ImageRejected, match="damaged or truncated"):
        strip_metadata(data[: len(data) // 2])


def test_image_over_the_pixel_limit_is_rejected_before_decoding() -> None:
    with pytest.raises(ImageRejected, match="more than the 5,000 allowed"):
        strip_metadata(_jpeg(), max_pixels=5_000)
    assert strip_metadata(_jpeg(), max_pixels=120 * 80)


def _png_bomb(width: int, height: int) -> bytes:
    """A valid PNG header claiming a huge grey image, with a tiny compressed body of zeros."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    compressed = zlib.compress(b"\x00" * 4096, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", compressed)
        + chunk(b"IEND", b"")
    )


def test_decompression_bomb_is_rejected() -> None:
    moderate = _png_bomb(8_000, 8_000)  # 64 megapixels: over tizim's limit, under Pillow's
    with pytest.raises(ImageRejected, match="8000×8000 pixels, more than the 24,000,000"):
        strip_metadata(moderate)
    bomb = _png_bomb(100_000, 100_000)  # 10 gigapixels from a few hundred bytes
    assert len(bomb) < 1000
    with pytest.raises(ImageRejected, match=r"too large|more than"):
        strip_metadata(bomb)
    # Even when the caller allows more than Pillow's own safety limit, Pillow's check still holds.
    with pytest.raises(ImageRejected, match="too large"):
        strip_metadata(bomb, max_pixels=10**12)


def test_sha256_hex_is_the_evidence_fingerprint() -> None:
    data = _jpeg()
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()
    assert sha256_hex(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_mime_types_cover_every_accepted_format() -> None:
    assert MIME_TYPES == {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


def test_a_small_file_of_49_megapixels_is_refused_from_its_header() -> None:
    # Under Pillow's own limit and tizim's former one: it cost 8 s and 700 MB to decode.
    from tests.hostile import png_of_zeros

    bomb = png_of_zeros(7000, 7000)
    assert len(bomb) < 250_000
    with pytest.raises(ImageRejected, match="7000×7000 pixels, more than the 24,000,000"):
        strip_metadata(bomb)
