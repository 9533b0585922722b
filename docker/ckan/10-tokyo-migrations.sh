# Run by the image's start_ckan.sh after prerun.py (database initialised):
# the tables of our plugins.
ckan -c "$CKAN_INI" db upgrade -p tokyo_validation
ckan -c "$CKAN_INI" db upgrade -p tokyo_requests
ckan -c "$CKAN_INI" db upgrade -p tokyo_datastore
ckan -c "$CKAN_INI" db upgrade -p harvest
ckan -c "$CKAN_INI" db upgrade -p tokyo_quality
