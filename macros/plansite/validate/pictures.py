"""The pictures of Easy Read points: files in the partnership's folder that are the images
they say they are, and SVG drawings that hold shapes and nothing that could run.

An SVG file is a document of its own: opened at its address, a script in it would run
with the site's rights. So a drawing may use only the elements and attributes of simple
shapes, text and fills, and may point at nothing outside itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from plansite.load.dataset import Dataset, PartnershipData
from plansite.load.errors import Diagnostic
from plansite.load.yaml_reader import Path_, YamlFile
from plansite.model.easyread import EasyReadPoint

PICTURE_MAX = 300_000
MAGIC = {".png": b"\x89PNG\r\n\x1a\n", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff"}
SVG_NS = "{http://www.w3.org/2000/svg}"
SVG_ELEMENTS = frozenset({
    "svg", "g", "title", "desc", "path", "circle", "ellipse", "rect", "line", "polyline",
    "polygon", "text", "tspan", "defs", "linearGradient", "radialGradient", "stop",
})  # fmt: skip
SVG_NOT = ("<!doctype", "<!entity", "<?xml-stylesheet")


def points_with_pictures(
    pd: PartnershipData,
) -> Iterator[tuple[YamlFile | None, Path_, EasyReadPoint]]:
    """(file, path of the point, point) for every Easy Read point of the partnership that has
    a picture."""
    for plan in pd.plans.values():
        pfile, p = plan.files.get("plan"), plan.plan
        owners: list[tuple[YamlFile | None, Path_, list[EasyReadPoint]]] = [
            (pfile, (), p.easy_read),
            *((pfile, ("nodes", i), n.easy_read) for i, n in enumerate(p.nodes)),
            *(
                (plan.files.get("actions"), ("actions", i), a.easy_read)
                for i, a in enumerate(plan.actions)
            ),
        ]
        for file, path, points in owners:
            for j, point in enumerate(points):
                if point.image:
                    yield file, (*path, "easy_read", j), point


def svg_problem(content: bytes) -> str | None:
    """Why an SVG drawing cannot be published, or None when it is only shapes and text."""
    lowered = content[:100_000].lower()
    for marker in SVG_NOT:
        if marker.encode() in lowered:
            return f"it holds {marker!r}, which a picture does not need"
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        return f"it is not a well-formed SVG file ({exc})"
    for node in root.iter():
        if node.tag is etree.Comment:
            continue
        if not isinstance(node.tag, str) or not node.tag.startswith(SVG_NS):
            return "it holds something other than SVG elements"
        name = node.tag.removeprefix(SVG_NS)
        if name not in SVG_ELEMENTS:
            return f"it holds a <{name}> element; only simple shapes, text and fills are allowed"
        for key, raw in node.attrib.items():
            local, value = str(key).rsplit("}", 1)[-1].lower(), str(raw)
            if local.startswith("on") or local == "href":
                return f"<{name}> has a {local!r} attribute, which could run or load something"
            if "url(" in value.replace(" ", "") and "url(#" not in value.replace(" ", ""):
                return f"<{name}> points outside the drawing ({value!r})"
    return None


def picture_problem(path: Path, folder: Path) -> str | None:
    """Why the picture at ``path`` cannot be published, or None."""
    if folder.resolve() not in path.resolve().parents:
        return "the picture is outside the partnership's folder"
    if not path.is_file():
        return "there is no such file in the partnership's folder"
    size = path.stat().st_size
    if size > PICTURE_MAX:
        return f"the file is {size:,} bytes; a picture may have at most {PICTURE_MAX:,}"
    content = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return svg_problem(content)
    if not content.startswith(MAGIC[suffix]):
        return f"the file is not a {suffix} image"
    return None


def check_pictures(data: Dataset) -> list[Diagnostic]:
    out = []
    for pd in data.partnerships.values():
        for file, path, point in points_with_pictures(pd):
            assert point.image is not None
            problem = picture_problem(pd.folder / point.image, pd.folder)
            if file is not None and problem:
                message = f"picture {point.image!r}: {problem}"
                out.append(file.diagnostic("image-invalid", (*path, "image"), message))
    return out
