"""A submission's review states and the ways a report is received, with their Vietnamese
words: what a new submission is written with, without the period's evaluation rules
(`thidua import` loads only this; period_report re-exports it for everything else)."""

from __future__ import annotations


class ReviewState:
    RECEIVED = "received"
    RETURNED = "returned"
    ACCEPTED = "accepted"


REVIEW_STATE_LABELS = {
    "received": "Đã nhận",
    "returned": "Trả lại để sửa",
    "accepted": "Đã chấp nhận",
}

CHANNEL_LABELS = {"email": "Thư điện tử", "usb": "USB", "paper": "Giấy", "other": "Khác"}
