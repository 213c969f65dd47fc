#!/usr/bin/env python3
"""Validates an Open Badge with 1EdTech's validator core (PyPI's openbadges 1.1.2) for an
email address: INPUT is a baked PNG or SVG file, or an assertion's http(s) address.

The validator fetches what the badge points to. Here it may reach loopback addresses only
(the server under test); the Open Badges JSON-LD context it asks for is answered from the
copy the package ships, since there is no internet.

Prints VALID or INVALID and the validator's messages. Exit status: 0 valid, 1 invalid,
2 bad usage, 3 the validator is not installed.
"""

import argparse
import ipaddress
import json
import sys
from urllib.parse import urlparse


def offline(requests, contexts):
    """Makes every request go to loopback or to the shipped contexts, never outside."""
    original = requests.adapters.HTTPAdapter.send

    def send(self, request, **kwargs):
        url = request.url.split("#")[0]
        if url in contexts:
            response = requests.Response()
            response.status_code = 200
            response._content = json.dumps(contexts[url]).encode("utf-8")
            response.headers["Content-Type"] = "application/ld+json"
            response.encoding = "utf-8"
            response.url = request.url
            response.request = request
            return response
        host = urlparse(url).hostname or ""
        try:
            loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise requests.ConnectionError("offline: refusing to fetch " + url)
        return original(self, request, **kwargs)

    requests.adapters.HTTPAdapter.send = send


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--email", required=True, help="the address the badge should be for")
    parser.add_argument("input", help="a baked PNG or SVG file, or an assertion URL")
    args = parser.parse_args()
    try:
        import requests
        from openbadges import verify
        from openbadges.verifier import openbadges_context as ctx
    except ImportError as e:
        print("the Open Badges validator is not installed ({}): pip install openbadges==1.1.2, "
              "then pip install -U pycryptodome python-jose pytz requests-cache jsonschema".format(e))
        return 3
    offline(requests, {ctx.OPENBADGES_CONTEXT_V2_URI: ctx.OPENBADGES_CONTEXT_V2_DICT})
    options = {"use_cache": False, "cache_backend": None}
    profile = {"email": args.email}
    if args.input.startswith(("http://", "https://")):
        result = verify(args.input, recipient_profile=profile, **options)
    else:
        with open(args.input, "rb") as badge:
            result = verify(badge, recipient_profile=profile, **options)
    report = result["report"]
    valid = bool(report.get("valid")) and report.get("recipientProfile") is not None
    print("VALID" if valid else "INVALID")
    for message in report.get("messages", []):
        print("  {}: {}".format(message.get("messageLevel"), message.get("result")))
    if valid:
        print("  recipient: {}".format(json.dumps(report.get("recipientProfile"))))
    return 0 if valid else 1


if __name__ == "__main__":
    sys.exit(main())
