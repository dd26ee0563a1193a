"""Feeds: third-party content (RSS/Atom news, iCal calendars, web page headers) fetched by the server.

Screens never fetch from third parties: the server fetches with `fetcher` (public addresses only,
bounded in time and size), parses with `news` / `calendar`, and keeps the last good copy in
`FeedCache` (`cache`), shared by every process.
"""
