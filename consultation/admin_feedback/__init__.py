"""The officers' side of the Feedback store in the Wagtail admin.

- viewset: the listing with filters and search (consultation/filters.py), the inspect view with
  the context, the suggestions and the words that triggered them, and the history; the edit view
  where officers confirm themes (six checkboxes) and add free tags (what people wrote is never
  editable), and the inspect view's buttons.
- bulk_actions: the same changes, and marking reviewed, on many pieces at once.
- offline: input gathered on paper or at events, one item at a time, or a CSV file that is saved
  all or nothing.
- export_views: exports of the filtered list (consultation/exports.py), logged.
- redact: removing personal details someone typed into one item, with who and why logged.

Every change is logged with who and when, in the item's history. Permissions are checked in
each module: Officers hold view/add/change feedback and export_feedback. Everything is
registered with Wagtail in consultation/wagtail_hooks.py.
"""
