"""The public face (tokyo_portal): the site's name, logo and texts in the
page's language, the home and about pages, the navigation, and the CKAN
strings our catalogue translates where CKAN's Japanese one does not."""
