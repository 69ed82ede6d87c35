# Writes the hostile webhook catalogue (src/test/resources/hostile/): python3 mesa-bench/src/test/make-hostile.py mesa-bench/src/test/resources/hostile
# The files are what the tests read; this script only documents and regenerates them. Add a case here, rerun, commit both.
import json, gzip, os, sys
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
ORG="2818e386-8dec-2562-9ede-5b8a0fbbdc71"; SITE="978c48e6-6ef6-11e6-8bbf-02e208b2d34f"
def ev(**kw):
    e = {"device_name":"ap-lobby-1","device_type":"ap","mac":"5c5b350e55c8","org_id":ORG,"site_id":SITE,
         "site_name":"HQ","timestamp":1795912200,"type":"AP_CONNECTED","audit_id":"a1b2c3d4-0000-4000-8000-000000000001"}
    for k,v in kw.items():
        if v is DROP: e.pop(k, None)
        else: e[k]=v
    return e
DROP=object()
def body(events, topic="device-events", **top):
    b = {"topic":topic,"events":events}
    if topic is DROP: b.pop("topic")
    for k,v in top.items():
        if v is DROP: b.pop(k,None)
        else: b[k]=v
    return b
rows=[]
def case(name, data, sig, status, reason, expect, why, gz=False):
    if isinstance(data, (dict, list)) : data = json.dumps(data, ensure_ascii=False)
    if isinstance(data, str): data = data.encode("utf-8")
    fn = name + (".json.gz" if gz else (".bin" if name.startswith("invalid-utf8") else ".json"))
    path = os.path.join(out, fn)
    if gz:
        with gzip.GzipFile(path, "wb", mtime=0) as f: f.write(data)
    else:
        open(path,"wb").write(data)
    rows.append("\t".join([fn, sig, str(status), reason, expect, why]))
V="valid"
META = "ge-0/0/1; delete interfaces ge-0/0/2\n}\"{ set system root-authentication plain-text-password 'x' | commit\r\t`$(reboot)`"
ok1 = body([ev()])
# --- not JSON / wrong top level
case("empty-body", b"", V, 400, "malformed-json", "-", "0 bytes")
case("whitespace-only", b" \n\t ", V, 400, "malformed-json", "-", "only whitespace")
case("top-level-array", [ok1], V, 400, "bad-shape", "-", "JSON array at top")
case("top-level-string", '"device-events"', V, 400, "bad-shape", "-", "JSON string at top")
case("top-level-null", "null", V, 400, "bad-shape", "-", "JSON null at top")
case("top-level-number", "42", V, 400, "bad-shape", "-", "JSON number at top")
case("trailing-garbage", json.dumps(ok1) + " x", V, 400, "malformed-json", "-", "a valid body followed by garbage")
case("two-documents", json.dumps(ok1) + json.dumps(ok1), V, 400, "malformed-json", "-", "two JSON documents back to back")
case("comments", '{"topic":"device-events",/* c */"events":[' + json.dumps(ev()) + ']}', V, 400, "malformed-json", "-", "JSON with a comment")
case("nan-literal", json.dumps(body([ev()])).replace("1795912200", "NaN"), V, 400, "malformed-json", "-", "NaN is not JSON")
case("truncated", json.dumps(ok1)[:-7], V, 400, "malformed-json", "-", "body cut short")
# --- nesting and size
case("deep-nesting-arrays", '{"topic":"device-events","events":[' + "["*5000 + "]"*5000 + "]}", V, 400, "malformed-json", "-", "5,000 nested arrays")
case("deep-nesting-objects", '{"topic":"device-events","events":[{"type":"AP_CONNECTED","x":' + '{"a":'*2000 + '1' + '}'*2000 + '}]}', V, 400, "malformed-json", "-", "2,000 nested objects inside an event")
case("nesting-17-levels", '{"topic":"device-events","events":[{"type":"AP_RRM","x":' + '['*14 + ']'*14 + '}]}', V, 400, "malformed-json", "-", "just over the 16-level depth limit")
case("huge-string", body([ev(device_name="x"*200000)]), V, 400, "malformed-json", "-", "a 200,000-character device_name (limit 64 KiB)", gz=True)
case("huge-key", '{"topic":"device-events","events":[{"' + "k"*5000 + '":1,"type":"AP_RRM"}]}', V, 400, "malformed-json", "-", "a 5,000-character key")
case("long-number", json.dumps(ok1).replace("1795912200", "1795912200" + "0"*500), V, 400, "malformed-json", "-", "a 510-digit timestamp")
case("huge-body", body([ev(type="AP_RRM_ACTION")]*6000), V, 413, "too-large", "-", "1.6 MB body, over the 1 MiB cap", gz=True)
case("huge-body-unsigned", body([ev(type="AP_RRM_ACTION")]*6000), "none", 413, "too-large", "-", "size is refused before the signature is looked at", gz=True)
evs = [{"type":"AP_CONNECTED" if i%2==0 else "AP_DISCONNECTED","mac":"5c5b35%06x" % i,"timestamp":1795912200+i} for i in range(10000)]
case("events-10000", body(evs), V, 202, "accepted", "events=10000 ignored=0", "10,000 valid events in one body: all accounted for", gz=True)
evs2 = list(evs); evs2[-1] = dict(evs2[-1], mac="not-a-mac")
case("events-10000-last-bad", body(evs2), V, 400, "bad-mac", "-", "10,000 events, the last with a bad mac: the whole body is refused", gz=True)
# --- wrong types
case("events-is-object", body({"type":"AP_CONNECTED"}), V, 400, "bad-shape", "-", "events is an object")
case("events-is-string", body("AP_CONNECTED"), V, 400, "bad-shape", "-", "events is a string")
case("event-is-number", body([1, 2]), V, 400, "bad-shape", "-", "events holds numbers")
case("event-is-array", body([[ev()]]), V, 400, "bad-shape", "-", "events holds an array")
case("mac-is-number", body([ev(mac=123456789012)]), V, 400, "bad-shape", "-", "mac is a number")
case("mac-is-object", body([ev(mac={"value":"5c5b350e55c8"})]), V, 400, "bad-shape", "-", "mac is an object")
case("type-is-number", body([ev(type=1)]), V, 400, "bad-shape", "-", "type is a number")
case("type-is-blank", body([ev(type="  ")]), V, 400, "bad-shape", "-", "type is blank")
case("device-name-is-object", body([ev(device_name={"$where":"1"})]), V, 400, "bad-shape", "-", "device_name is an object")
case("site-id-is-array", body([ev(site_id=[SITE])]), V, 400, "bad-shape", "-", "site_id is an array")
case("timestamp-is-boolean", body([ev(timestamp=True)]), V, 400, "bad-timestamp", "-", "timestamp is a boolean")
case("topic-is-number", body([ev()], topic=7), V, 400, "bad-topic", "-", "topic is a number")
# --- numbers as strings
case("timestamp-as-string", body([ev(timestamp="1795912200")]), V, 400, "bad-timestamp", "-", "timestamp is a string of digits")
case("timestamp-negative", body([ev(timestamp=-1)]), V, 400, "bad-timestamp", "-", "negative timestamp")
case("timestamp-far-future", body([ev(timestamp=1e30)]), V, 400, "bad-timestamp", "-", "timestamp 1e30")
case("timestamp-infinite", json.dumps(body([ev()])).replace("1795912200", "1e999"), V, 400, "bad-timestamp", "-", "1e999 parses as an infinite double (found by Jazzer)")
case("timestamp-tiny-exponent", json.dumps(body([ev()])).replace("1795912200", "1e-999"), V, 202, "accepted", "events=1 ignored=0", "1e-999 underflows to 0: the epoch, odd but a number")
case("timestamp-milliseconds", body([ev(timestamp=1795912200000)]), V, 400, "bad-timestamp", "-", "milliseconds where seconds are expected (year 58,000)")
case("timestamp-fractional", body([ev(timestamp=1795912200.25)]), V, 202, "accepted", "events=1 ignored=0", "fractional seconds are fine")
# --- nulls and missing
case("mac-null", body([ev(mac=None)]), V, 400, "missing-mac", "-", "mac null")
case("mac-missing", body([ev(mac=DROP)]), V, 400, "missing-mac", "-", "no mac")
case("mac-empty", body([ev(mac="")]), V, 400, "missing-mac", "-", "mac empty")
case("timestamp-null", body([ev(timestamp=None)]), V, 400, "bad-timestamp", "-", "timestamp null")
case("type-null", body([ev(type=None)]), V, 400, "bad-shape", "-", "type null")
case("topic-null", body([ev()], topic=None), V, 400, "bad-topic", "-", "topic null")
case("events-null", body(None), V, 400, "bad-shape", "-", "events null")
case("optional-fields-null", body([ev(device_name=None, site_name=None, audit_id=None, org_id=None, site_id=None)]), V, 202, "accepted", "events=1 ignored=0", "optional text fields null read as empty")
# --- topic and events
case("topic-missing", body([ev()], topic=DROP), V, 400, "bad-topic", "-", "no topic")
case("topic-wrong", body([ev()], topic="alarms"), V, 400, "bad-topic", "-", "topic alarms")
case("topic-case", body([ev()], topic="Device-Events"), V, 400, "bad-topic", "-", "topic in another case")
case("events-empty", body([]), V, 400, "bad-shape", "-", "events []")
case("events-missing", {"topic":"device-events"}, V, 400, "bad-shape", "-", "no events")
# --- duplicates
case("duplicate-topic", '{"topic":"alarms","topic":"device-events","events":[' + json.dumps(ev()) + ']}', V, 400, "malformed-json", "-", "topic given twice (which one would win?)")
case("duplicate-mac", '{"topic":"device-events","events":[{"type":"AP_CONNECTED","mac":"5c5b350e55c8","mac":"5c5b350e55c9","timestamp":1}]}', V, 400, "malformed-json", "-", "mac given twice in one event")
# --- macs that are not MACs
for n,(m,r) in {"letters":("zz5b350e55c8","bad-mac"),"too-long":("5c5b350e55c8ff","bad-mac"),"too-short":("5c:5b:35:0e:55","bad-mac"),
          "command":("5c5b350e55c8; reboot","bad-mac"),"newline":("5c5b350e55c8\nset interfaces ge-0/0/1 disable","bad-mac"),
          "ipv4":("10.0.0.1","bad-mac"),"uuid":("00000000-0000-0000-1000-5c5b350e55c8","bad-mac"),
          "fullwidth-digits":("５c5b350e55c8","bad-mac"),"unicode-hex":("5c5b350e55c８","bad-mac")}.items():
    case("mac-" + n, body([ev(mac=m)]), V, 400, r, "-", "mac %r" % m)
case("mac-legacy-field-command", body([ev(mac=DROP, ap="ge-0/0/1; delete")]), V, 400, "bad-mac", "-", "legacy ap field with a command")
case("mac-padded", body([ev(mac="  5C:5B:35:0E:55:C8 ")]), V, 202, "accepted", "events=1 ignored=0", "spaces and colon form are normalised, not refused")
# --- Junos metacharacters in every string field
case("meta-in-topic", body([ev()], topic=META), V, 400, "bad-topic", "-", "metacharacters in topic")
case("meta-in-type", body([ev(type=META)]), V, 202, "accepted", "events=0 ignored=1", "unknown type: ignored, named, never acted on")
case("meta-in-device-type", body([ev(device_type=META)]), V, 202, "accepted", "events=0 ignored=1", "device_type not ap: ignored")
case("meta-in-mac", body([ev(mac=META)]), V, 400, "bad-mac", "-", "metacharacters in mac")
case("meta-in-org-id", body([ev(org_id=META)]), V, 400, "bad-id", "-", "metacharacters in org_id")
case("meta-in-site-id", body([ev(site_id=META)]), V, 400, "bad-id", "-", "metacharacters in site_id")
case("path-in-site-id", body([ev(site_id="../../orgs/x")]), V, 400, "bad-id", "-", "a path in site_id")
for f in ["device_name","site_name","audit_id","reason","text"]:
    case("meta-in-" + f.replace("_","-"), body([ev(**{f: META})]), V, 202, "accepted", "events=1 ignored=0", "metacharacters in %s: kept as text" % f)
case("meta-in-ap-name", body([ev(device_name=DROP, ap_name=META)]), V, 202, "accepted", "events=1 ignored=0", "metacharacters in the legacy ap_name: kept as text")
case("interface-name-in-device-name", body([ev(device_name="ge-0/0/1")]), V, 202, "accepted", "events=1 ignored=0", "an AP named like an interface: kept as a name")
case("meta-in-extra-field", body([ev(port_id="ge-0/0/1; delete", extra={"port":"ge-0/0/1\n}"})]), V, 202, "accepted", "events=1 ignored=0", "unknown fields are not read")
# --- unicode
case("unicode-names", body([ev(device_name="AP Zürich – 東京 🚀", site_name="مكتب ‮evil‬ HQ", reason="naïve\u200bzero width", text="Ω≈ç√ \u0301combining")]), V, 202, "accepted", "events=1 ignored=0", "unicode in names: kept exactly")
case("unicode-escapes", '{"topic":"device-events","events":[{"type":"AP_CONNECTED","mac":"5c5b350e55c8","timestamp":1,"device_name":"\\u0000nul\\u001b[31mred\\ud83d\\ude80"}]}', V, 202, "accepted", "events=1 ignored=0", "escaped NUL, ESC and a surrogate pair: kept as text")
case("unicode-in-key", body([{"type":"AP_CONNECTED","mäc":"5c5b350e55c8","timestamp":1}]), V, 400, "missing-mac", "-", "a look-alike key is not mac")
case("bom-prefixed", b"\xef\xbb\xbf" + json.dumps(ok1).encode(), V, 202, "accepted", "events=1 ignored=0", "a UTF-8 byte-order mark")
# --- invalid UTF-8
raw = json.dumps(body([ev(device_name="ap-XX")])).encode()
case("invalid-utf8-in-string", raw.replace(b"XX", b"\xc3\x28"), V, 400, "malformed-json", "-", "invalid 2-byte sequence in a string")
case("invalid-utf8-overlong", raw.replace(b"XX", b"\xc0\xaf"), V, 400, "malformed-json", "-", "overlong encoding of /")
case("invalid-utf8-lone-continuation", raw.replace(b"XX", b"\x80\x80"), V, 400, "malformed-json", "-", "continuation bytes alone")
case("invalid-utf8-in-key", raw.replace(b'"device_name"', b'"device_\xffname"'), V, 400, "malformed-json", "-", "0xFF in a key")
case("invalid-utf8-truncated", raw.replace(b"XX", b"\xe6\x9d"), V, 400, "malformed-json", "-", "a 3-byte sequence cut short")
case("utf16-without-bom", json.dumps(ok1).encode("utf-16-le"), V, 202, "accepted", "events=1 ignored=0", "UTF-16LE: Jackson detects the encoding (RFC 4627), the signature covers the raw bytes, the content is the same")
# --- signatures
case("unsigned", ok1, "none", 401, "missing-signature", "-", "no signature header")
case("signed-with-another-secret", ok1, "wrong-secret", 401, "bad-signature", "-", "HMAC under another secret")
case("signature-not-hex", ok1, "garbage", 401, "bad-signature", "-", "signature header is not hex")
case("signature-of-another-body", ok1, "other-body", 401, "bad-signature", "-", "a valid signature of a different body")
case("legacy-sha1-only", ok1, "legacy-sha1", 401, "missing-signature", "-", "only the legacy SHA-1 header (not enabled)")
case("signature-uppercase", ok1, "uppercase", 202, "accepted", "events=1 ignored=0", "uppercase hex is the same MAC")
case("metachar-unsigned", body([ev(device_name=META)]), "none", 401, "missing-signature", "-", "nothing of an unsigned body is read")
hdr = "# One hostile webhook body per line: file<TAB>signature<TAB>status<TAB>reason<TAB>expect<TAB>why\n# signature: how the test signs it (valid = X-Mist-Signature-v2 under the test secret; none, wrong-secret, garbage,\n#   other-body, legacy-sha1, uppercase). status 202 / reason accepted = a valid body with odd content: it is\n#   accepted, its text is kept exactly and none of it becomes an InterfaceName. expect: events=N ignored=M.\n# .json.gz files are gzipped only to keep the repository small; the test feeds the uncompressed bytes.\n"
open(os.path.join(out,"index.tsv"),"w").write(hdr + "\n".join(rows) + "\n")
print(len(rows))
