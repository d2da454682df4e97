"""Progress reacts to quiz results through signals, without importing the quizzes feature."""

from lms.core.signals import quiz_passed
from lms.learning import services


@quiz_passed.connect
def on_quiz_passed(module, user_id: int, **extra) -> None:
    services.record_quiz_passed(user_id, module)
