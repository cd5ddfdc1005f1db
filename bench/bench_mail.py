"""An email backend for benchmarks: instead of sending, it appends one line per message (the
recipient and the subject) to the file named by BENCH_MAIL_LOG, with one write() on a file
opened for appending. The line is in the kernel once write() returns, so it survives the
process being killed with SIGKILL: the file is the record of what was "sent"."""

import os

from django.core.mail.backends.base import BaseEmailBackend


class RecordingBackend(BaseEmailBackend):
    def open(self):
        if getattr(self, "fd", None) is None:
            self.fd = os.open(os.environ["BENCH_MAIL_LOG"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        return True

    def close(self):
        if getattr(self, "fd", None) is not None:
            os.close(self.fd)
            self.fd = None

    def send_messages(self, email_messages):
        self.open()
        for message in email_messages:
            # Render the whole message, as an SMTP backend would, so its cost is counted.
            message.message().as_bytes()
            os.write(self.fd, f"{message.to[0]}\t{message.subject}\n".encode())
        return len(email_messages)
