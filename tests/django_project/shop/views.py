"""The shop's views: the new checkout is behind the ``new-checkout`` flag."""

from django.http import HttpRequest, JsonResponse

from schematic.django import client


def checkout(request: HttpRequest) -> JsonResponse:
    company = {"id": request.GET["company"]}
    if not client.check_flag("new-checkout", company=company):
        return JsonResponse({"checkout": "old"})
    client.track("checkout-opened", company=company)
    return JsonResponse({"checkout": "new"})
