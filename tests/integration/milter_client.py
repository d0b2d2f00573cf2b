#!/usr/bin/env python3
"""milter_client - a small MTA side of the milter protocol, for the cases miltertest
cannot drive: headers longer than miltertest's 1 KiB buffer, an MTA that offers no
"no reply" stages, inet sockets and TCP option checks.

    milter_client.py SOCKET hostile-large          oversized hostile From headers
    milter_client.py SOCKET old-mta                MTA without no-reply support
    milter_client.py SOCKET nodelay DAEMON_PID     TCP_NODELAY on the daemon's accepted socket

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
ALL_NR = (SMFIP_NR_HDR | SMFIP_NR_CONN | SMFIP_NR_HELO | SMFIP_NR_MAIL | SMFIP_NR_RCPT | SMFIP_NR_DATA
          | SMFIP_NR_UNKN | SMFIP_NR_EOH | SMFIP_NR_BODY)
NO_REPLY_BIT = {b"C": SMFIP_NR_CONN, b"H": SMFIP_NR_HELO, b"M": SMFIP_NR_MAIL, b"R": SMFIP_NR_RCPT,
                b"L": SMFIP_NR_HDR, b"N": SMFIP_NR_EOH, b"B": SMFIP_NR_BODY}
FINAL = {b"a": "accept", b"c": "continue", b"r": "reject", b"t": "tempfail", b"d": "discard", b"y": "replycode"}


class Failure(Exception):
    pass


class MilterClient:
    def __init__(self, spec, offered_protocol=ALL_NR | SMFIP_NODATA | SMFIP_NOUNKNOWN | SMFIP_SKIP):
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

    def message(self, headers, login="alice@example.com", queue_id="PYTEST", sender="<alice@example.com>",
                body=b"Hello.\r\n"):
        """One message; returns (final reply name, reply data, [modification packets])."""
        pairs = [("i", queue_id)] + ([("{auth_authen}", login), ("{auth_type}", "PLAIN")] if login else [])
        self.macro(b"M", pairs)
        self.stage(b"M", sender.encode() + b"\0")
        self.stage(b"R", b"<bob@example.org>\0")
        for name, value in headers:
            self.stage(b"L", name + b"\0" + value + b"\0")
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
    expect(final == "accept" and not modifications, f"normal message after the hostile ones: {final}")
    client.close()
    print("ok normal message afterwards: accept")


def old_mta(spec):
    """An MTA that offers no no-reply stages: every stage must still be answered."""
    client = MilterClient(spec, offered_protocol=SMFIP_SKIP)
    client.open_session()
    expect(client.protocol & ALL_NR == 0, f"no-reply requested although not offered: 0x{client.protocol:x}")
    final, _, _ = client.message([(b"From", b"Alice <alice@example.com>"), (b"Subject", b"old MTA")])
    expect(final == "accept", f"own From from an old MTA: {final}")
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
        else:
            print(f"unknown scenario {scenario}", file=sys.stderr)
            return 2
    except (Failure, OSError) as error:
        print(f"FAIL {scenario}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
