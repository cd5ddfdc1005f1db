"""What editors write, in each language: the Wagtail locales, which copy of a page a visitor
sees, and which copy staff figures count.

wagtail-localize keeps one tree of pages per language (its "synchronised tree"): English is the
source; every other language has a copy of each English page, its translation once there is
one, until then an alias of the English page (the same content, English, kept up to date by
Wagtail). So /ur/... routes through the Urdu tree and every link on an Urdu page stays in Urdu.

Two rules follow for every query of pages:

- a visitor sees the pages of the tree they are in (`pages_for_visitors`): each item once, in
  their language where it is translated;
- staff figures, feeds of record and anything that is announced count the English (source)
  pages only (`pages_of_record`), so a translation is never a second item.
"""

from django.conf import settings
from django.db.models import QuerySet
from django.urls import resolve, reverse
from django.utils import translation
from wagtail.models import Locale, Page, Site

from .pagecache import kept_for_generation


def _language_code_of_locale() -> dict[int, str]:
    return dict(Locale.objects.values_list("pk", "language_code"))


def locale_default() -> Locale:
    """The locale editors write in: English."""
    return Locale.get_default()


def locale_default_id() -> int:
    return kept_for_generation("locale-default", lambda: locale_default().pk, timeout=24 * 60 * 60)


def locale_for_visitors_id() -> int:
    """The locale whose pages a visitor in this language sees: their language's, when the site
    has a tree in it (its home page has a live copy in it), English otherwise. Wagtail routes
    the same way (`site.root_page.localized`)."""

    def read() -> int:
        default_id = locale_default().pk
        code = translation.get_language() or settings.LANGUAGE_CODE
        locale = Locale.objects.filter(language_code__iexact=code).first()
        if locale is None or locale.pk == default_id:
            return default_id
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            return default_id
        has_tree = Page.objects.filter(translation_key=site.root_page.translation_key, locale=locale, live=True)
        return locale.pk if has_tree.exists() else default_id

    return kept_for_generation("locale-for-visitors", read, timeout=24 * 60 * 60)


def pages_for_visitors(queryset: QuerySet) -> QuerySet:
    """The pages of the visitor's language tree: each item once, translated where it is."""
    return queryset.filter(locale_id=locale_for_visitors_id())


def pages_of_record(queryset: QuerySet) -> QuerySet:
    """The English (source) pages: what staff figures, results and announcements count."""
    return queryset.filter(locale_id=locale_default_id())


def records_of_record(queryset: QuerySet) -> QuerySet:
    """The English (source) rows of a translatable snippet: what lists, counts, maps and
    exports read, so that a snippet's translation is never a second item."""
    return queryset.filter(locale_id=locale_default_id())


def locale_current_id() -> int | None:
    """The locale of the visitor's language (English included), None when it has none."""
    code = (translation.get_language() or settings.LANGUAGE_CODE).lower()
    codes = kept_for_generation("locale-codes", _language_code_of_locale, timeout=24 * 60 * 60)
    return next((pk for pk, language_code in codes.items() if language_code.lower() == code), None)


def words_for_visitors(records, fields: tuple[str, ...]) -> list[dict[str, object]]:
    """For each English record of a translatable snippet (its words shown to visitors), and
    each of its translatable `fields`: the record whose words to show in the visitor's
    language. Its translation into that language where the translation says something else
    than the English (a translator filled it in), else the English record itself, so that
    `{% content_lang %}` marks each text with the language it is really in. Everything else
    (where a thing is, its dates) is read from the English record."""
    records = list(records)
    locale_id = locale_current_id()
    translated = {}
    if records and locale_id is not None and locale_id != locale_default_id():
        model = type(records[0])
        keys = [record.translation_key for record in records]
        translated = {
            item.translation_key: item
            for item in model.objects.filter(translation_key__in=keys, locale_id=locale_id).only(
                "pk", "translation_key", "locale_id", *fields
            )
        }
    shown = []
    for record in records:
        other = translated.get(record.translation_key)
        shown.append(
            {
                field: other if other is not None and _says_something_else(other, record, field) else record
                for field in fields
            }
        )
    return shown


def _says_something_else(translated, record, field: str) -> bool:
    text = (getattr(translated, field) or "").strip()
    return bool(text) and text != (getattr(record, field) or "").strip()


def page_is_of_record(page: Page) -> bool:
    """An English page (not a translation, not an alias in another language's tree)."""
    return page.locale_id == locale_default_id() and page.alias_of_id is None


def page_of_record(page: Page) -> Page:
    """The English page this page is a copy of (an alias, or a translation), as its own type;
    the page itself when it is English, or when it has no English page (a page an editor wrote
    in another language first)."""
    if page_is_of_record(page):
        return page
    model = type(page)
    if page.alias_of_id:
        source = model.objects.filter(pk=page.alias_of_id).first()
        if source is not None:
            return page_of_record(source)
    source = model.objects.filter(translation_key=page.translation_key, locale_id=locale_default_id()).first()
    return source or page


def page_url_parts_in_language(page: Page, parts: tuple, code: str, *, request=None) -> tuple:
    """An English page's address parts (`parts`, Wagtail's) for a visitor in language `code`:
    those of its live copy in that language's tree; where the language has no tree yet, the
    English address under the language's prefix; else (a page not synchronised yet) the
    English address. Kept for the content generation."""

    def read():
        locale = Locale.objects.filter(language_code__iexact=code).first()
        if locale is None:
            return parts
        copy = Page.objects.filter(translation_key=page.translation_key, locale=locale, live=True).first()
        if copy is not None:
            return Page.get_url_parts(copy, request=request) or parts
        if locale_for_visitors_id() != locale_default_id():
            return parts
        site_id, root_url, page_path = parts
        with translation.override(settings.LANGUAGE_CODE):
            match = resolve(page_path)
        with translation.override(code):
            return site_id, root_url, reverse(match.view_name, args=match.args, kwargs=match.kwargs)

    return tuple(kept_for_generation(f"page-url:{page.pk}:{page.url_path}", read, timeout=24 * 60 * 60))


def content_language_code(item) -> str:
    """The language code of what editors wrote on a page or snippet.

    English for an alias (a copy of an English page in another language's tree), and for a
    translation not yet published (converting an alias into a translation leaves the English
    copy live until an editor publishes the translation). Otherwise the item's locale."""
    locale_id = getattr(item, "locale_id", None)
    if locale_id is None:
        return settings.LANGUAGE_CODE
    codes = kept_for_generation("locale-codes", _language_code_of_locale, timeout=24 * 60 * 60)
    code = codes.get(locale_id)
    if code is None:
        code = _language_code_of_locale().get(locale_id, settings.LANGUAGE_CODE)
    if code.lower() == settings.LANGUAGE_CODE:
        return settings.LANGUAGE_CODE
    if isinstance(item, Page) and (item.alias_of_id is not None or item.live_revision_id is None):
        return settings.LANGUAGE_CODE
    return code.lower()


def locales_ensure() -> None:
    """A locale for each of the site's languages, each kept in step with English (its tree gets
    an alias of every English page). Safe to run again."""
    from wagtail_localize.models import LocaleSynchronization

    default = locale_default()
    for code, _name in settings.LANGUAGES:
        locale, _created = Locale.objects.get_or_create(language_code=code)
        if locale.pk != default.pk:
            LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})


def trees_sync() -> None:
    """Give every language's tree an alias of each English page it has no copy of yet (pages
    made outside the admin: the demo, an import). Pages made in the admin get theirs at once."""
    from wagtail_localize.models import LocaleSynchronization
    from wagtail_localize.synctree import synchronize_tree

    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronize_tree(sync.sync_from, sync.locale)


def translation_from_po(instance, *, language_code: str, po, user=None, publish: bool = True):
    """Translate `instance` (a page, or a translatable snippet such as a bleed-control kit)
    into a language through wagtail-localize, as an editor does with the council's
    translation supplier: its translation (as "Translate" makes it), a PO file of its strings
    imported into it, then the translation saved, published unless `publish` is False (a
    snippet without drafts is saved either way). `po` is a polib.POFile as exported for that
    translation (see `translation_po`); strings it leaves empty stay English. Returns the
    translation."""
    translation = _translation(instance, language_code=language_code)
    translation.import_po(po, user=user, tool_name="PO File")
    if not isinstance(instance, Page):
        translation.save_target(user=user, publish=publish)
        return type(instance).objects.get(translation_key=instance.translation_key, locale=translation.target_locale)
    # wagtail-localize publishes a page's translation once the transaction commits; this
    # publishes it here and now, so a caller inside a transaction (the demo's seeding) sees it.
    translation.save_target(user=user, publish=False)
    translated = type(instance).objects.get(translation_key=instance.translation_key, locale=translation.target_locale)
    if publish:
        translated.get_latest_revision().publish(user=user)
        translated.refresh_from_db()
    return translated


def translation_po(instance, *, language_code: str):
    """The PO file of a page's or translatable snippet's strings for a language
    (polib.POFile): what an editor downloads from the translation editor for the supplier.
    Each entry's msgid is the English."""
    return _translation(instance, language_code=language_code).export_po()


def page_translation_from_po(page: Page, *, language_code: str, po, user=None, publish: bool = True) -> Page:
    """`translation_from_po` for a page."""
    return translation_from_po(page, language_code=language_code, po=po, user=user, publish=publish)


def page_translation_po(page: Page, *, language_code: str):
    """`translation_po` for a page."""
    return translation_po(page, language_code=language_code)


def _translation(instance, *, language_code: str):
    from wagtail_localize.models import Translation, TranslationSource

    locale = Locale.objects.get(language_code=language_code)
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
    return translation


def page_translated_with(page: Page, *, language_code: str, strings: dict[str, str], user=None) -> Page | None:
    """Publish `page`'s translation into a language from `strings` (English text to its
    translation) through a PO file, unless the page is translated into it already (an alias
    is not a translation). For the demo's drafted translations; safe to run again. Returns the
    new translation, or None when there was one."""
    existing = Page.objects.filter(
        translation_key=page.translation_key, locale__language_code=language_code, alias_of__isnull=True
    )
    if existing.exists():
        return None
    po = page_translation_po(page, language_code=language_code)
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, entry.msgstr)
    return page_translation_from_po(page, language_code=language_code, po=po, user=user)


def translation_drafts_stay_off_live_pages() -> None:
    """Keep what visitors see of a published translation as it was published when wagtail-localize
    saves a draft of it.

    wagtail-localize saves a translation (`TranslationSource.create_or_update_translation`,
    behind "Translate this page" and `Translation.save_target(publish=False)`) by writing the new
    words onto the page itself and then saving a revision, so a draft nobody has checked would be
    served at once in place of the published translation. Wagtail's own editor never does that:
    a draft lives only in its revision. No setting of the library changes this, so the method is
    wrapped here: after a draft is saved, a page with a published revision gets that revision's
    content back, and keeps the new draft as its latest revision for an editor to publish.
    Called once, from the ground floor's app config."""
    from wagtail_localize.models import TranslationSource

    saving = TranslationSource.create_or_update_translation
    if getattr(saving, "keeps_live_content", False):
        return

    def create_or_update_translation(self, locale, user=None, publish=True, copy_parent_pages=False, fallback=False):
        result = saving(
            self, locale, user=user, publish=publish, copy_parent_pages=copy_parent_pages, fallback=fallback
        )
        translated = result[0] if isinstance(result, tuple) else result
        if isinstance(translated, Page):
            _translation_saved(translated, draft=not publish)
        return result

    create_or_update_translation.keeps_live_content = True
    create_or_update_translation.__doc__ = saving.__doc__
    TranslationSource.create_or_update_translation = create_or_update_translation


def _translation_saved(page: Page, *, draft: bool) -> None:
    """After wagtail-localize saved a page's translation: a page that was an alias until now
    carries its English page's live revision, which is not its own, so it is cleared (until the
    translation is published the page reads as English: `content_language_code`); a draft of a
    published translation gets the published content back on the page, the draft kept as the
    page's latest revision."""
    from wagtail.models import Revision

    page = Page.objects.get(pk=page.pk).specific
    if page.live_revision_id is None:
        return
    live = Revision.objects.filter(pk=page.live_revision_id, object_id=str(page.pk)).first()
    if live is None:
        Page.objects.filter(pk=page.pk).update(live_revision=None)
        return
    if draft and page.live and page.live_revision_id != page.latest_revision_id:
        published = page.with_content_json(live.content)
        published.live_revision_id = live.pk
        published.has_unpublished_changes = True
        published.save(clean=False)
