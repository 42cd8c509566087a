"""The voice webhooks as a carrier calls them: every request signed with the real `twilio`
package (RequestValidator, the carrier's own signing code) and every answer parsed as XML and
checked against the TwiML verbs' documented attributes and nesting.

Needs the running demo server (ZIELONA_URL, started with PUBLIC_URL equal to it) and its
VOICE_AUTH_TOKEN."""
import os
import re
import secrets
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

from twilio.request_validator import RequestValidator

BASE = os.environ["ZIELONA_URL"]
TOKEN = os.environ["VOICE_AUTH_TOKEN"]
VALIDATOR = RequestValidator(TOKEN)

# TwiML as documented (twilio.com/docs/voice/twiml): the attributes each verb takes, what may be
# nested in it, and how attribute values look.
VERBS = {
    "Say": {"voice", "language", "loop"},
    "Play": {"loop", "digits"},
    "Pause": {"length"},
    "Gather": {"action", "method", "timeout", "numDigits", "finishOnKey", "input", "actionOnEmptyResult", "language", "hints",
               "partialResultCallback", "speechTimeout", "profanityFilter"},
    "Redirect": {"method"},
    "Enqueue": {"action", "method", "waitUrl", "waitUrlMethod", "workflowSid", "maxQueueSize"},
    "Leave": set(),
    "Dial": {"action", "method", "timeout", "callerId", "record", "recordingStatusCallback", "recordingStatusCallbackMethod",
             "recordingStatusCallbackEvent", "hangupOnStar", "timeLimit", "answerOnBridge", "ringTone", "trim"},
    "Record": {"action", "method", "timeout", "finishOnKey", "maxLength", "playBeep", "trim", "recordingStatusCallback",
               "recordingStatusCallbackMethod", "recordingStatusCallbackEvent", "transcribe", "transcribeCallback"},
    "Hangup": set(),
}
NESTED = {"Gather": {"Say", "Play", "Pause"}, "Dial": {"Client", "Sip", "Number", "Conference", "Queue"}}
NOUNS = {"Client": {"url", "method", "statusCallback", "statusCallbackEvent"}, "Sip": {"username", "password", "url", "method"},
         "Number": {"sendDigits", "url", "method", "statusCallback", "statusCallbackEvent"},
         "Conference": {"muted", "beep", "startConferenceOnEnter", "endConferenceOnExit", "waitUrl", "waitMethod", "maxParticipants",
                        "record", "region", "trim", "coach", "statusCallback", "statusCallbackEvent", "statusCallbackMethod",
                        "recordingStatusCallback", "recordingStatusCallbackMethod", "eventCallbackUrl"},
         "Queue": {"url", "method"}}
TEXT_VERBS = {"Say", "Play", "Redirect", "Enqueue"}
URL_ATTRIBUTES = {"action", "waitUrl", "recordingStatusCallback", "statusCallback", "url"}
INTEGER_ATTRIBUTES = {"timeout", "numDigits", "length", "maxLength", "loop"}
LANGUAGES = {"pl-PL", "en-GB", "en-US", "ru-RU", "uk-UA"}


def check_twiml(text):
    """Parses an answer and checks each verb; returns the verbs (ElementTree elements)."""
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "Response", root.tag
    for verb in root:
        check_element(verb, VERBS)
    return list(root)


def check_element(el, allowed):
    assert el.tag in allowed, f"<{el.tag}> is not a TwiML verb here"
    unknown = set(el.attrib) - allowed[el.tag]
    assert not unknown, f"<{el.tag}> has undocumented attributes {unknown}"
    for name, value in el.attrib.items():
        if name in URL_ATTRIBUTES:
            assert value.startswith(BASE + "/voice/"), f"{el.tag}@{name}={value}"
        if name in INTEGER_ATTRIBUTES:
            assert value.isdigit() and int(value) > 0, f"{el.tag}@{name}={value}"
        if name.endswith("ethod"):
            assert value in ("GET", "POST"), f"{el.tag}@{name}={value}"
        if name == "language":
            assert value in LANGUAGES, value
        if name in ("muted", "beep", "startConferenceOnEnter", "endConferenceOnExit", "playBeep"):
            assert value in ("true", "false"), f"{el.tag}@{name}={value}"
    if el.tag in TEXT_VERBS:
        assert (el.text or "").strip(), f"<{el.tag}> needs its text"
    if el.tag == "Redirect":
        assert el.text.startswith(BASE + "/voice/")
    if el.tag in NESTED:
        for child in el:
            assert child.tag in NESTED[el.tag], f"<{child.tag}> inside <{el.tag}>"
            check_element(child, {**VERBS, **NOUNS})
    elif el.tag in NOUNS:
        assert (el.text or "").strip()
    else:
        assert len(el) == 0, f"<{el.tag}> takes no nested elements"
    if el.tag == "Dial":
        assert len(el) == 1, "one party to dial"


class Call:
    """One call as the carrier makes it."""

    def __init__(self, caller="+48600100200", to="+4819524"):
        self.sid = "CA" + secrets.token_hex(16)
        self.caller = caller
        self.to = to

    def params(self, extra):
        return {"CallSid": self.sid, "AccountSid": "AC" + "0" * 32, "From": self.caller, "To": self.to, "CallStatus": "in-progress",
                "Direction": "inbound", "ApiVersion": "2010-04-01", **extra}

    def post(self, address, extra=None, signature=None, token_validator=VALIDATOR):
        """POSTs to `address` (absolute, or a path); returns (status, body)."""
        address = address if address.startswith("http") else BASE + address
        params = self.params(extra or {})
        sig = signature if signature is not None else token_validator.compute_signature(address, params)
        assert signature is not None or VALIDATOR.validate(address, params, sig) == (token_validator is VALIDATOR)
        req = urllib.request.Request(address, data=urllib.parse.urlencode(params).encode(), method="POST",
                                     headers={"X-Twilio-Signature": sig, "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                return r.status, r.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8")

    def twiml(self, address, extra=None):
        status, body = self.post(address, extra)
        assert status == 200, (status, body)
        return body, check_twiml(body)


def said(verbs):
    out = []
    for v in verbs:
        if v.tag == "Say":
            out.append(v.text)
        out += [c.text for c in v if c.tag == "Say"]
    return " ".join(out)


def gather(verbs):
    g = [v for v in verbs if v.tag == "Gather"]
    assert len(g) == 1, [v.tag for v in verbs]
    # No keys before the timeout: the next verb asks again.
    following = verbs[verbs.index(g[0]) + 1:]
    assert following and following[0].tag == "Redirect" and following[0].text == g[0].attrib["action"]
    return g[0]


def test_an_english_caller_by_postal_code_reaches_the_benefits_queue_and_hears_the_place_in_it():
    call = Call("+48600100299")
    _, verbs = call.twiml("/voice/incoming")
    assert "Zielona Linia" in said(verbs)
    language = gather(verbs)
    assert language.attrib["numDigits"] == "1" and language.attrib["method"] == "POST"
    _, verbs = call.twiml(language.attrib["action"], {"Digits": "2"})
    assert "client number and PIN, press 1" in said(verbs)
    assert all(s.attrib["language"] == "en-GB" for s in gather(verbs).iter("Say"))
    _, verbs = call.twiml(gather(verbs).attrib["action"], {"Digits": "2"})
    postal = gather(verbs)
    assert postal.attrib["numDigits"] == "5"
    # A code that is not five digits is asked again.
    _, verbs = call.twiml(postal.attrib["action"], {"Digits": "153"})
    assert "five-digit postal code" in said(verbs)
    _, verbs = call.twiml(gather(verbs).attrib["action"], {"Digits": "15371"})
    assert "Benefits – 2" in said(verbs)
    _, verbs = call.twiml(gather(verbs).attrib["action"], {"Digits": "2"})
    enqueue = [v for v in verbs if v.tag == "Enqueue"]
    assert len(enqueue) == 1 and enqueue[0].text == "zl-pup-2002-benefits"
    assert enqueue[0].attrib["waitUrl"] == BASE + "/voice/wait"
    _, waiting = call.twiml(enqueue[0].attrib["waitUrl"], {"QueuePosition": "1", "QueueTime": "0"})
    assert re.search(r"You are number \d+ in the queue\. Expected wait: about \d+ min\.", said(waiting))
    # The keys a waiting caller may press are heard all the while: the wait is one Gather.
    assert [v.tag for v in waiting] == ["Gather"] and waiting[0].attrib["action"] == BASE + "/voice/wait-key"
    assert [c.tag for c in waiting[0]][-1] == "Pause" and "press 1" in said(waiting)
    # The caller hangs up: the carrier leaves the queue with that result and reports the end.
    body, verbs = call.twiml(enqueue[0].attrib["action"], {"QueueResult": "hangup", "QueueTime": "3"})
    assert [v.tag for v in verbs] == ["Hangup"]
    # The carrier sends the same request again: the same answer.
    assert call.post(enqueue[0].attrib["action"], {"QueueResult": "hangup", "QueueTime": "3"}) == (200, body)
    status, _ = call.post("/voice/status", {"CallStatus": "completed", "CallDuration": "40"})
    assert status == 200


def test_requests_not_signed_by_the_carrier_are_refused():
    call = Call()
    assert call.post("/voice/incoming", signature="")[0] == 403
    assert call.post("/voice/incoming", token_validator=RequestValidator("someone-elses-token"))[0] == 403
    # A signature for other parameters (the keys changed on the way).
    params = call.params({"Digits": "1"})
    forged = VALIDATOR.compute_signature(BASE + "/voice/incoming", {**params, "From": "+48111111111"})
    assert call.post("/voice/incoming", {"Digits": "1"}, signature=forged)[0] == 403
    # Nothing was started: the call is unknown to the next step.
    assert call.post("/voice/step?seq=1", {"Digits": "1"})[0] == 404


def test_bad_keys_and_stale_steps_are_refused_and_repeats_answered_the_same():
    call = Call()
    body, verbs = call.twiml("/voice/incoming")
    # A repeated first request (the carrier did not get the answer in time).
    assert call.twiml("/voice/incoming")[0] == body
    action = gather(verbs).attrib["action"]
    status, problem = call.post(action, {"Digits": "1x"})
    assert status == 400 and "Digits" in problem
    polish, _ = call.twiml(action, {"Digits": "1"})
    assert call.twiml(action, {"Digits": "1"})[0] == polish
    assert call.post(action, {"Digits": "3"})[0] == 409
    assert Call().post(action, {"Digits": "1"})[0] == 404


def test_zielona_call_signs_for_the_servers_public_url_and_says_so_when_it_cannot():
    """`zielona call --server` reaching the server under another address than its PUBLIC_URL:
    refused by the signature check, it says why in one line; with --public-url it gets through."""
    import subprocess
    other = BASE.replace("127.0.0.1", "localhost")
    env = {k: v for k, v in os.environ.items() if k != "PUBLIC_URL"}
    run = lambda *args: subprocess.run([os.environ["ZIELONA_BIN"], "call", "--from", "+48600100777", "--server", other, *args],
                                       cwd=os.environ["ZIELONA_DIR"], env=env, capture_output=True, text=True, timeout=120)
    refused = run("--digits", "1", "--max-wait", "1")
    errors = [line for line in (refused.stdout + refused.stderr).splitlines() if line.startswith("zielona:")]
    assert refused.returncode != 0 and len(errors) == 1, refused.stdout + refused.stderr
    assert "403" in errors[0] and "--public-url" in errors[0], errors[0]
    through = run("--public-url", BASE, "--digits", "1 2 15371 2", "--max-wait", "2")
    assert through.returncode == 0, through.stdout + through.stderr
    assert "Wpisz pięciocyfrowy kod pocztowy" in through.stdout and "Nobody answered in time." in through.stdout, through.stdout


def queued(call, postal="00950"):
    """Walks the main line into a benefits queue by postal code (Polish). Warsaw's by default:
    no demo consultant works there, so the contacts left behind ring at nobody's desk."""
    _, verbs = call.twiml("/voice/incoming")
    for keys in ("1", "2", postal, "2"):
        _, verbs = call.twiml(gather(verbs).attrib["action"], {"Digits": keys})
    enqueue = [v for v in verbs if v.tag == "Enqueue"]
    assert len(enqueue) == 1
    return enqueue[0]


def test_each_number_takes_its_flow():
    """9510, the free line of the registered unemployed; 19524 and numbers nobody mapped, the main line."""
    _, verbs = Call(to="+489510").twiml("/voice/incoming")
    assert "bezpłatna infolinia dla osób zarejestrowanych jako bezrobotne" in said(verbs)
    for to in ("+4819524", "+48221234567"):
        _, verbs = Call(to=to).twiml("/voice/incoming")
        assert "infolinia urzędów pracy" in said(verbs) and "bezpłatna" not in said(verbs)
    # The demo's Jan is registered as unemployed: through to the topics on the free line.
    call = Call("+48600100299", to="+489510")
    _, verbs = call.twiml("/voice/incoming")
    for keys in ("1", "100000009#", "4826#"):
        _, verbs = call.twiml(gather(verbs).attrib["action"], {"Digits": keys})
    assert "Rejestracja – 1." in said(verbs)


def pressed_while_waiting(call, enqueue, key):
    """A key pressed during the wait: the carrier lets the caller out of its queue and asks the
    Enqueue's action what next; its verbs."""
    _, waiting = call.twiml(enqueue.attrib["waitUrl"], {"QueuePosition": "1", "QueueTime": "0"})
    _, verbs = call.twiml(waiting[0].attrib["action"], {"Digits": key})
    assert [v.tag for v in verbs] == ["Leave"]
    return call.twiml(enqueue.attrib["action"], {"QueueResult": "leave", "QueueTime": "12"})[1]


def test_a_waiting_caller_hears_recorded_information_and_goes_back_to_their_place():
    call = Call("+48600100298")
    enqueue = queued(call)
    verbs = pressed_while_waiting(call, enqueue, "1")
    menu = said(verbs)
    assert "Nagrane informacje." in menu and "– naciśnij 1." in menu
    _, verbs = call.twiml(gather(verbs).attrib["action"], {"Digits": "1"})
    assert "Aby wrócić do listy tematów, naciśnij 0." in said(verbs)
    _, verbs = call.twiml(gather(verbs).attrib["action"], {"Digits": "1"})
    assert len(said(verbs)) > 80, "an answer read out"
    _, verbs = call.twiml(gather(verbs).attrib["action"], {"Digits": "0"})
    _, verbs = call.twiml(gather(verbs).attrib["action"], {"Digits": "0"})
    back = [v for v in verbs if v.tag == "Enqueue"]
    assert "Wracasz na swoje miejsce w kolejce." in said(verbs) and len(back) == 1 and back[0].text == enqueue.text
    call.post(back[0].attrib["action"], {"QueueResult": "hangup", "QueueTime": "1"})


def test_a_waiting_caller_is_called_back_without_losing_their_place():
    call = Call("+48600100297")
    verbs = pressed_while_waiting(call, queued(call), "2")
    assert "oddzwoni na numer 6 0 0, 1 0 0, 2 9 7" in said(verbs) and verbs[-1].tag == "Hangup"
    assert call.post("/voice/status", {"CallStatus": "completed", "CallDuration": "30"})[0] == 200
