"""tokyo_validation's CKAN side: jobs, actions, auth, pages, steward commands.

The checking itself is the CKAN-free core in ``ckanext.tokyo.validation``;
this package only feeds it files and keeps its reports:

    fetch.py          guarded HTTP client and address classifier (no CKAN)
    settings.py       config options (IConfigDeclaration)
    model.py          the tokyo_resource_validation table (plugin migration)
    statuses.py       the statuses, their order of severity, labels and badge classes
    resources.py      which resources, which schema, validation_status on the resource
    jobs.py           enqueue, the background job, recovery of dead runs
    actions.py/auth.py  resource_validation_run/show/delete, tokyo_validation_summary
    summary.py        per-organisation figures and the steward report rows
    report_export.py  the steward report as CSV, JSON or HTML (templates/, no CKAN)
    helpers.py        badges, facet labels, findings grouped by rule
    views.py          /dataset/<id>/resource/<rid>/validation, /tokyo/quality
    cli.py            ckan tokyo validate | report
"""
