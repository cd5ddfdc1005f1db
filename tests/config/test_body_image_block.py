"""The image in page bodies (core.blocks.CaptionedImageBlock): Wagtail's ImageBlock, with its alt
text or decorative flag, and a caption. Bodies saved in the block's earlier shape, with the alt
text beside the image, are moved over by the `*_image_block_alt_text` migrations, in the page
and in its revisions, and render as before."""

import re

import pytest
import wagtail_factories
from django.apps import apps
from wagtail.blocks import StreamValue, StructBlockValidationError

from core.blocks import CaptionedImageBlock
from core.migration_operations import image_block_alt_text_moves
from core.seeding import publish_child
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return wagtail_factories.ImageFactory(title="IMG_0042.jpg")


@pytest.fixture
def page():
    return publish_child(HomePage.objects.get(), StandardPage(title="About this website", slug="about"))


def _store_raw(page, raw: list[dict]) -> None:
    """Save the body exactly as given, as an earlier release would have stored it."""
    page.body = StreamValue(page.body.stream_block, raw, is_lazy=True)
    page.save_revision().publish()


def _old_shape(image, *, alt_text: str, caption: str, block_id: str) -> dict:
    return {"type": "image", "id": block_id, "value": {"image": image.pk, "alt_text": alt_text, "caption": caption}}


def test_a_body_in_the_old_shape_is_moved_over_and_renders_as_before(client, page, image):
    _store_raw(
        page,
        [
            _old_shape(image, alt_text="A bleed-control kit on a wall", caption="Outside the library", block_id="a"),
            _old_shape(image, alt_text="", caption="", block_id="b"),
        ],
    )
    for operation in image_block_alt_text_moves("home", "StandardPage"):
        operation.code(apps, None)

    page.refresh_from_db()
    described, decorative = (block.value["image"] for block in page.body)
    assert (described.contextual_alt_text, described.decorative) == ("A bleed-control kit on a wall", False)
    assert decorative.decorative is True  # an empty alt text meant decorative
    revision_body = page.latest_revision.as_object().body
    assert [block.value["image"].decorative for block in revision_body] == [False, True]

    html = client.get(page.url).content.decode()
    assert 'alt="A bleed-control kit on a wall"' in html
    assert "<figcaption>Outside the library</figcaption>" in html
    assert 'alt=""' in html
    assert "IMG_0042" not in html  # never the file's title in place of the alt text


def test_moving_a_body_twice_changes_nothing_the_second_time(page, image):
    _store_raw(page, [_old_shape(image, alt_text="A kit", caption="", block_id="a")])
    for _ in range(2):
        for operation in image_block_alt_text_moves("home", "StandardPage"):
            operation.code(apps, None)
    page.refresh_from_db()
    assert page.body.raw_data[0]["value"] == {
        "image": {"image": image.pk, "alt_text": "A kit", "decorative": False},
        "caption": "",
    }


def test_a_body_not_yet_moved_still_renders_its_image_and_caption(client, page, image):
    # Wagtail's ImageBlock reads a plain image id, as its image in the old shape is; until the
    # migration moves its alt text over, the image's own alt text (its title) stands in.
    _store_raw(page, [_old_shape(image, alt_text="A kit", caption="Outside the library", block_id="a")])
    html = client.get(page.url).content.decode()
    assert re.search(r'<img [^>]*src="[^"]+\.width-800\.', html)
    assert "<figcaption>Outside the library</figcaption>" in html


def test_an_image_needs_alt_text_or_to_be_marked_decorative(image):
    block = CaptionedImageBlock()
    value = block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": False}, "caption": ""})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)
    decorative = block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": True}, "caption": ""})
    assert block.clean(decorative)["image"].decorative is True
