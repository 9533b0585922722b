"""Data requests (データ公開リクエスト): the CKAN side of tokyo_requests (docs/data-requests.md)."""
