"""CKAN's own strings that our catalogue translates.

CKAN's Japanese catalogue leaves these untranslated (the page would show
English) or translates them wrongly ("Remember me" as 保存:). Listing them
here puts them in our ``.pot``; the catalogues of plugins are merged after
CKAN's, so our ``ja``/``en`` entries win. Only strings of pages the catalog
serves (tests/browser/test_public_pages.py walks them).
"""
from ckanext.tokyo.base.i18n import N_

MSGIDS = (
    N_("About"),
    N_("Remember me"),
    N_("Username or Email"),
    N_("Dataset description:"),
    N_('Source: <a href="%(url)s">%(dataset)s</a>'),
    N_("Next:"),
    N_("Previous"),
    N_("Next"),
    N_("Follow"),
    N_("Unfollow"),
    N_("No activity found."),
    N_("Organization"),
    N_("License"),
    N_("Account"),
    N_("Skip to main content"),
    N_("Submit"),
    N_("Toggle navigation"),
    N_("Breadcrumb"),
    N_("There is no description for this organization."),
    N_("URL:"),
    N_("Profile settings"),
    N_("eg. CSV, XML or JSON"),
    N_("Reorder resources"),
    N_("Unpublish"),
    # the Markdown help of every long text field: its title, and in Japanese
    # also the quick reference (CKAN's is English, outside gettext)
    N_('You can use <a href="#markdown" title="Markdown quick reference" data-bs-toggle="popover" '
       'data-bs-content="%(markdown_tooltip)s" data-bs-html="true">Markdown formatting</a> here'),
)
