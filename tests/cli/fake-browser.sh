#!/bin/sh
# A stand-in for the person's browser ($BROWSER) in tokenctl's end-to-end tests: records the
# URL it was given (one argument, as xdg-open passes it), submits the fake server's consent page
# (the autoApprove form: no password involved) and follows the redirect to the app's loopback
# listener, as a browser would. Needs curl.
url=$1
[ -n "$TK_BROWSER_LOG" ] && printf '%s\n' "$url" >>"$TK_BROWSER_LOG"
page=$(curl -sS --noproxy '*' --max-time 20 "$url") || exit 1
field() {
    printf '%s\n' "$page" | sed -n "s/.*name=\"$1\" value=\"\([^\"]*\)\".*/\1/p" | head -n 1
}
location=$(curl -sS --noproxy '*' --max-time 20 -o /dev/null -w '%{redirect_url}' \
    --data-urlencode "request_id=$(field request_id)" \
    --data-urlencode "username=$(field username)" \
    -d auto_approve=1 -d decision=approve "${url%%\?*}") || exit 1
[ -n "$location" ] || exit 1
curl -sS --noproxy '*' --max-time 20 -o /dev/null "$location"
