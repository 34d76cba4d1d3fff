"""A real SMTP server for the tests (aiosmtpd): writes each accepted mail to DIRECTORY as <n>.eml.

Usage: python3 smtp_sink.py PORT DIRECTORY. Prints READY once listening; stops when stdin closes.
Recipients at @rejected.invalid are refused with 550, at @busy.invalid with 451, to exercise both failure kinds.
"""
import itertools
import os
import sys

from aiosmtpd.controller import Controller


class MaildirSink:
    def __init__(self, directory):
        self.directory = directory
        self.counter = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.endswith("@rejected.invalid"):
            return "550 5.1.1 No such user"
        if address.endswith("@busy.invalid"):
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(self.directory, f"{next(self.counter)}.eml")
        # Written aside then renamed, so the tests never read half a mail.
        with open(name + ".tmp", "wb") as mail:
            mail.write(envelope.original_content or envelope.content)
        os.replace(name + ".tmp", name)
        return "250 Message accepted for delivery"


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    controller = Controller(MaildirSink(directory), hostname="127.0.0.1", port=port)
    controller.start()
    print("READY", flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()
