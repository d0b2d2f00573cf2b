#!/usr/bin/env python3
"""milter_client - a small MTA side of the milter protocol, for the cases miltertest
cannot drive: headers longer than miltertest's 1 KiB buffer, an MTA that offers no
"no reply" stages, inet sockets and TCP option checks.

    milter_client.py SOCKET hostile-large          oversized hostile From headers
    milter_client.py SOCKET old-mta                MTA without no-reply support
    milter_client.py SOCKET nodelay DAEMON_PID     TCP_NODELAY on the daemon's accepted socket
    milter_client.py SOCKET header-order           every header edit, in the order sent
    milter_client.py SOCKET dkim SIGNED TAMPERED [leadspc-only]
                                                   DKIM-signed .eml files: pass, then fail
    milter_client.py SOCKET dns-trouble ACTION MAX_SECONDS [SIGNED]
                                                   DNS failing: temperror results, the
                                                   action (tag|tempfail) within MAX_SECONDS

SOCKET is unix:/path or inet:PORT@HOST. Exit status 0 on success, 1 with a message.
"""

import os
import random
import socket
import struct
import sys

# Protocol constants (libmilter/mfdef.h).
SMFIF_ALL = 0x1FF
SMFIP_NR_HDR = 0x80
SMFIP_NR_CONN, SMFIP_NR_HELO, SMFIP_NR_MAIL, SMFIP_NR_RCPT = 0x1000, 0x2000, 0x4000, 0x8000
SMFIP_NR_DATA, SMFIP_NR_UNKN, SMFIP_NR_EOH, SMFIP_NR_BODY = 0x10000, 0x20000, 0x40000, 0x80000
SMFIP_NODATA, SMFIP_NOUNKNOWN, SMFIP_SKIP = 0x200, 0x100, 0x400
SMFIP_HDR_LEADSPC = 0x100000
ALL_NR = (SMFIP_NR_HDR | SMFIP_NR_CONN | SMFIP_NR_HELO | SMFIP_NR_MAIL | SMFIP_NR_RCPT | SMFIP_NR_DATA
          | SMFIP_NR_UNKN | SMFIP_NR_EOH | SMFIP_NR_BODY)
NO_REPLY_BIT = {b"C": SMFIP_NR_CONN, b"H": SMFIP_NR_HELO, b"M": SMFIP_NR_MAIL, b"R": SMFIP_NR_RCPT,
                b"L": SMFIP_NR_HDR, b"N": SMFIP_NR_EOH, b"B": SMFIP_NR_BODY}
FINAL = {b"a": "accept", b"c": "continue", b"r": "reject", b"t": "tempfail", b"d": "discard", b"y": "replycode"}


class Failure(Exception):
    pass


class MilterClient:
    # What Postfix 3.x offers with milter_protocol = 6.
    MODERN = ALL_NR | SMFIP_NODATA | SMFIP_NOUNKNOWN | SMFIP_SKIP | SMFIP_HDR_LEADSPC

    def __init__(self, spec, offered_protocol=MODERN):
        if spec.startswith("unix:"):
            self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self.sock.connect(spec[5:])
        elif spec.startswith("inet:"):
            port, _, host = spec[5:].partition("@")
            self.sock = socket.create_connection((host or "127.0.0.1", int(port)))
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        else:
            raise Failure(f"unsupported socket {spec}")
        self.sock.settimeout(20)
        self.offered_protocol = offered_protocol
        self.protocol = 0
        self.actions = 0

    def send(self, command, data=b""):
        self.sock.sendall(struct.pack(">I", len(data) + 1) + command + data)

    def receive(self):
        header = self._read_exactly(5)
        length = struct.unpack(">I", header[:4])[0]
        return header[4:5], self._read_exactly(length - 1)

    def _read_exactly(self, count):
        chunks = b""
        while len(chunks) < count:
            chunk = self.sock.recv(count - len(chunks))
            if not chunk:
                raise Failure("the filter closed the connection")
            chunks += chunk
        return chunks

    def negotiate(self):
        self.send(b"O", struct.pack(">III", 6, SMFIF_ALL, self.offered_protocol))
        command, data = self.receive()
        if command != b"O":
            raise Failure(f"negotiation answered {command!r}")
        _, self.actions, self.protocol = struct.unpack(">III", data[:12])
        if self.protocol & ~self.offered_protocol & ALL_NR:
            raise Failure(f"filter asked for no-reply bits not offered: 0x{self.protocol:x}")

    def stage(self, command, data=b""):
        """Sends one pre-EOM command; reads its reply unless no-reply was negotiated."""
        self.send(command, data)
        if self.protocol & NO_REPLY_BIT.get(command, 0):
            return None
        reply, _ = self.receive()
        if reply != b"c":
            raise Failure(f"stage {command!r} answered {reply!r}, wanted continue")
        return reply

    def macro(self, stage, pairs):
        data = stage
        for name, value in pairs:
            data += name.encode() + b"\0" + value.encode() + b"\0"
        self.send(b"D", data)

    def leading_space_kept(self):
        return bool(self.protocol & SMFIP_HDR_LEADSPC)

    def wire_value(self, value, raw):
        """A header value as Postfix sends it. `raw`: exactly what followed the colon
        (sent as is with SMFIP_HDR_LEADSPC, else one leading space is eaten); not raw:
        the value without that space (one is put back with SMFIP_HDR_LEADSPC)."""
        if raw:
            return value if self.leading_space_kept() or not value.startswith(b" ") else value[1:]
        return b" " + value if self.leading_space_kept() else value

    def message(self, headers, login="alice@example.com", queue_id="PYTEST", sender="<alice@example.com>",
                body=b"Hello.\r\n", raw_headers=False):
        """One message; returns (final reply name, reply data, [modification packets])."""
        pairs = [("i", queue_id)] + ([("{auth_authen}", login), ("{auth_type}", "PLAIN")] if login else [])
        self.macro(b"M", pairs)
        self.stage(b"M", sender.encode() + b"\0")
        self.stage(b"R", b"<bob@example.org>\0")
        for name, value in headers:
            self.stage(b"L", name + b"\0" + self.wire_value(value, raw_headers) + b"\0")
        self.stage(b"N")
        for offset in range(0, len(body), 65000):
            self.stage(b"B", body[offset:offset + 65000])
        self.send(b"E")
        modifications = []
        while True:
            command, data = self.receive()
            if command in FINAL:
                return FINAL[command], data, modifications
            modifications.append((command, data))

    def open_session(self, client_ip="192.0.2.10"):
        self.negotiate()
        self.macro(b"C", [("{daemon_name}", "ORIGINATING")])
        self.stage(b"C", b"client.example.com\0" + b"4" + struct.pack(">H", 12345) + client_ip.encode() + b"\0")
        self.stage(b"H", b"client.example.com\0")

    def close(self):
        try:
            self.send(b"Q")
        finally:
            self.sock.close()


def edits(modifications):
    """Modification packets as (kind, index, name, value) tuples, in the order sent."""
    result = []
    for command, data in modifications:
        if command in (b"i", b"m"):
            index = struct.unpack(">I", data[:4])[0]
            name, value = data[4:].split(b"\0")[:2]
            result.append(("insert" if command == b"i" else "change", index, name.decode(), value.decode()))
        elif command == b"h":
            name, value = data.split(b"\0")[:2]
            result.append(("add", None, name.decode(), value.decode()))
        elif command == b"q":
            result.append(("quarantine", None, "", data.rstrip(b"\0").decode()))
        else:
            result.append((command.decode(), None, "", data.decode(errors="replace")))
    return result


def inserted_results(modifications):
    """The values of the Authentication-Results headers inserted at index 0."""
    return [value for kind, index, name, value in edits(modifications)
            if kind == "insert" and index == 0 and name == "Authentication-Results"]


def read_eml(path):
    """(headers, body) of a .eml file as Postfix hands them to a milter: each header
    value exactly as it followed the colon, continuation lines joined with a bare
    LF; the body with CRLF line endings."""
    with open(path, "rb") as file:
        data = file.read().replace(b"\r\n", b"\n")
    head, _, body = data.partition(b"\n\n")
    headers = []
    for line in head.split(b"\n"):
        if line[:1] in (b" ", b"\t") and headers:
            headers[-1] = (headers[-1][0], headers[-1][1] + b"\n" + line)
        else:
            name, _, value = line.partition(b":")
            headers.append((name.rstrip(b" \t"), value))
    return headers, body.replace(b"\n", b"\r\n")


def expect(condition, what):
    if not condition:
        raise Failure(what)


def random_bytes(count, rng):
    return bytes(rng.randrange(1, 256) for _ in range(count))


def hostile_large(spec):
    rng = random.Random(20261125)
    cases = [
        ("10,000-character quoted display name", [(b"From", b'"' + b"A" * 10000 + b'" <alice@example.com>')]),
        ("10,000-character display name with an address in it",
         [(b"From", b'"' + b"x" * 5000 + b" ceo@example.com " + b"y" * 5000 + b'" <alice@example.com>')]),
        ("10,000 random non-NUL bytes", [(b"From", random_bytes(10000, rng))]),
        ("4000 addresses (60 KB, under libmilter's 64 KiB packet limit)", [(b"From", b"a@example.com, " * 4000)]),
        ("3000 nested comments", [(b"From", b"(" * 3000 + b"alice@example.com" + b")" * 10)]),
        ("3000 unbalanced quotes", [(b"From", b'"' * 3001 + b" <alice@example.com>")]),
        ("long encoded word", [(b"From", b"=?utf-8?B?" + b"QUFB" * 5000 + b"?= <alice@example.com>")]),
        ("1000 long From headers", [(b"From", b'"' + b"B" * 500 + b'" <user%d@example.com>' % i) for i in range(1000)]),
        ("2000-character header name", [(b"X" * 2000, b"value"), (b"From", b"Alice <alice@example.com>")]),
        ("1 MiB of headers", [(b"X-Filler-%d" % i, b"z" * 1000) for i in range(1024)]
         + [(b"From", b"Alice <alice@example.com>")]),
    ]
    for index, (name, headers) in enumerate(cases):
        client = MilterClient(spec)
        client.open_session()
        final, _, _ = client.message([(b"Subject", b"hostile")] + headers, queue_id=f"LARGE{index}",
                                     body=random_bytes(200000, rng))
        expect(final in ("accept", "continue", "replycode"), f"case {name!r}: final answer {final}")
        client.close()
        print(f"ok {name}: {final}")
    client = MilterClient(spec)
    client.open_session()
    final, _, modifications = client.message([(b"From", b"Alice <alice@example.com>"), (b"Subject", b"normal")],
                                             queue_id="AFTERLARGE")
    expect(final == "continue" and [kind for kind, *_ in edits(modifications)] == ["insert"],
           f"normal message after the hostile ones: {final} {edits(modifications)}")
    client.close()
    print("ok normal message afterwards: accepted with Authentication-Results")


def old_mta(spec):
    """An MTA that offers no no-reply stages: every stage must still be answered."""
    client = MilterClient(spec, offered_protocol=SMFIP_SKIP)
    client.open_session()
    expect(client.protocol & ALL_NR == 0, f"no-reply requested although not offered: 0x{client.protocol:x}")
    expect(not client.leading_space_kept(), "SMFIP_HDR_LEADSPC requested although not offered")
    final, _, modifications = client.message([(b"From", b"Alice <alice@example.com>"), (b"Subject", b"old MTA")])
    results = inserted_results(modifications)
    # Without SMFIP_HDR_LEADSPC the MTA puts the space after the colon itself.
    expect(final == "continue" and len(results) == 1 and results[0].startswith("mx.test.example;"),
           f"own From from an old MTA: {final} {edits(modifications)}")
    final, _, modifications = client.message([(b"From", b'"bob@example.net" <alice@example.com>')],
                                             queue_id="OLDMTA2")
    expect(final == "continue" and any(command == b"h" for command, _ in modifications),
           f"tagged message from an old MTA: {final} {modifications}")
    client.close()
    print("ok old MTA: every stage answered, verdicts applied")


def nodelay(spec, daemon_pid):
    """Opens a connection to the daemon and reads TCP_NODELAY on the socket the daemon
    accepted for it, through pidfd_getfd(2) (needs ptrace rights over the daemon)."""
    import ctypes
    client = MilterClient(spec)
    client.negotiate()  # the daemon has certainly accepted the connection now
    local = client.sock.getsockname()
    libc = ctypes.CDLL(None, use_errno=True)
    pidfd = os.pidfd_open(daemon_pid)
    found = None
    for entry in os.listdir(f"/proc/{daemon_pid}/fd"):
        target = os.readlink(f"/proc/{daemon_pid}/fd/{entry}")
        if not target.startswith("socket:"):
            continue
        fd = libc.syscall(438, pidfd, int(entry), 0)  # pidfd_getfd
        if fd < 0:
            raise Failure(f"pidfd_getfd: {os.strerror(ctypes.get_errno())}")
        with socket.socket(fileno=fd) as copy:
            try:
                if copy.family != socket.AF_INET or copy.getpeername() != local:
                    continue
            except OSError:
                continue
            found = copy.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    os.close(pidfd)
    client.close()
    expect(found is not None, "the daemon's accepted socket for this connection was not found")
    expect(found != 0, "TCP_NODELAY is off on the daemon's accepted socket")
    print("ok TCP_NODELAY is set on the daemon's accepted socket")


def header_order(spec):
    """Every header edit of a tagged message, in the order sent: incoming summaries
    deleted (highest index first), forged Authentication-Results deleted (highest
    first), ours inserted at index 0, the summary appended; values we send start with
    a space because SMFIP_HDR_LEADSPC was negotiated."""
    client = MilterClient(spec)
    client.open_session()
    expect(client.leading_space_kept(), "SMFIP_HDR_LEADSPC not negotiated with a modern MTA")
    headers = [(b"Authentication-Results", b"mx.test.example; spf=pass smtp.mailfrom=example.com"),
               (b"X-SenderGuard", b"action=accept"),
               (b"From", b"Alice <alice@example.com>"),
               (b"Authentication-Results", b"other.example; dkim=pass header.d=example.com"),
               (b"Authentication-Results", b"Mx.Test.Example (forged); dmarc=pass header.from=example.com"),
               (b"x-senderguard", b"action=accept"),
               (b"Subject", b"order")]
    final, _, modifications = client.message(headers, queue_id="ORDER1")
    got = edits(modifications)
    expect(final == "continue", f"forged results: {final}")
    shape = [(kind, index, name) for kind, index, name, _ in got]
    wanted = [("change", 2, "X-SenderGuard"), ("change", 1, "X-SenderGuard"),
              ("change", 3, "Authentication-Results"), ("change", 1, "Authentication-Results"),
              ("insert", 0, "Authentication-Results"), ("add", None, "X-SenderGuard")]
    expect(shape == wanted, f"header edits {shape}, wanted {wanted}")
    expect(all(value == "" for kind, _, _, value in got if kind == "change"), f"deletions carry values: {got}")
    expect(got[4][3].startswith(" mx.test.example;\n\t") and 'smtp.auth=alice@example.com' in got[4][3],
           f"our Authentication-Results: {got[4][3]!r}")
    expect(got[5][3].startswith(" action=tag ") and "auth.forged_results" in got[5][3], f"summary: {got[5][3]!r}")
    client.close()
    print("ok header edits in order: " + ", ".join(f"{kind} {name}#{index}" for kind, index, name in shape))


def dkim(spec, signed_path, tampered_path, leadspc_only=False):
    """Signed mail from 192.0.2.50 (SPF and the key in the test's local.zone), from
    an MTA with SMFIP_HDR_LEADSPC and (unless leadspc_only) from one without:
    dkim=pass and accept; the same mail with its body changed: dkim=fail (body hash)
    and tag. Simple header canonicalization of a value that does not start with
    exactly one space verifies only with SMFIP_HDR_LEADSPC: use leadspc_only."""
    mtas = [(MilterClient.MODERN, "with SMFIP_HDR_LEADSPC")]
    if not leadspc_only:
        mtas.append((MilterClient.MODERN & ~SMFIP_HDR_LEADSPC, "without SMFIP_HDR_LEADSPC"))
    for offered, label in mtas:
        for path, wanted in ((signed_path, "pass"), (tampered_path, "fail")):
            headers, body = read_eml(path)
            client = MilterClient(spec, offered_protocol=offered)
            client.open_session(client_ip="192.0.2.50")
            final, _, modifications = client.message(headers, login=None, queue_id="DKIM", sender="<news@example.org>",
                                                     body=body, raw_headers=True)
            results = inserted_results(modifications)
            expect(final == "continue" and len(results) == 1, f"{path} {label}: {final} {edits(modifications)}")
            expect(f"dkim={wanted}" in results[0] and "header.d=example.org" in results[0] and
                   "header.s=sel" in results[0], f"{path} {label}: wanted dkim={wanted}: {results[0]!r}")
            summaries = [value for kind, _, name, value in edits(modifications) if kind == "add"]
            if wanted == "pass":
                expect(not summaries, f"{path} {label}: signed mail tagged: {summaries}")
            else:
                expect(len(summaries) == 1 and "action=tag" in summaries[0] and "dkim.fail" in summaries[0],
                       f"{path} {label}: tampered mail not tagged for dkim.fail: {summaries}")
            client.close()
            print(f"ok {os.path.basename(path)} {label}: dkim={wanted}, "
                  f"{'accepted' if wanted == 'pass' else 'tagged'}")


def dns_trouble(spec, action, max_seconds, signed_path=None):
    """Unauthenticated mail from 192.0.2.50 while every DNS query fails: the answer
    comes within max_seconds, SPF and DMARC are temperror (DKIM too for signed mail),
    and the action is `action` (tag: results header and summary; tempfail: 451 4.7.1)."""
    import time
    if signed_path:
        headers, body = read_eml(signed_path)
        sender, raw = "<news@example.org>", True
    else:
        headers = [(b"From", b"News <news@slow.example>"), (b"To", b"Bob <bob@example.org>"),
                   (b"Subject", b"dns trouble")]
        body, sender, raw = b"Hello.\r\n", "<news@slow.example>", False
    client = MilterClient(spec)
    client.open_session(client_ip="192.0.2.50")
    started = time.monotonic()
    final, data, modifications = client.message(headers, login=None, queue_id="DNSTROUBLE", sender=sender,
                                                body=body, raw_headers=raw)
    elapsed = time.monotonic() - started
    client.close()
    print(f"message answered in {elapsed * 1000:.0f} ms ({final})")
    expect(elapsed < max_seconds, f"answer took {elapsed:.2f} s, limit {max_seconds} s")
    if action == "tempfail":
        reply = data.rstrip(b"\0").decode(errors="replace")
        expect(final == "replycode" and reply.startswith("451 4.7.1"), f"wanted 451 4.7.1: {final} {reply!r}")
        expect(not modifications, f"tempfail with header edits: {edits(modifications)}")
        print(f"ok tempfail: {reply}")
        return
    results = inserted_results(modifications)
    expect(final == "continue" and len(results) == 1, f"wanted tag: {final} {edits(modifications)}")
    wanted = ["spf=temperror", "dmarc=temperror"] + (["dkim=temperror"] if signed_path else [])
    for fragment in wanted:
        expect(fragment in results[0], f"results header lacks {fragment}: {results[0]!r}")
    summaries = [value for kind, _, name, value in edits(modifications) if kind == "add"]
    expect(len(summaries) == 1 and "action=tag" in summaries[0], f"not tagged: {summaries}")
    print("ok tag: " + " ".join(wanted))


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    spec, scenario = argv[1], argv[2]
    try:
        if scenario == "hostile-large":
            hostile_large(spec)
        elif scenario == "old-mta":
            old_mta(spec)
        elif scenario == "nodelay":
            nodelay(spec, int(argv[3]))
        elif scenario == "header-order":
            header_order(spec)
        elif scenario == "dkim":
            dkim(spec, argv[3], argv[4], len(argv) > 5 and argv[5] == "leadspc-only")
        elif scenario == "dns-trouble":
            dns_trouble(spec, argv[3], float(argv[4]), argv[5] if len(argv) > 5 else None)
        else:
            print(f"unknown scenario {scenario}", file=sys.stderr)
            return 2
    except (Failure, OSError) as error:
        print(f"FAIL {scenario}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
