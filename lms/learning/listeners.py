"""Progress reacts to quiz results through signals, without importing the quizzes feature."""

from lms.core.signals import content_published, quiz_passed
from lms.learning import services


@quiz_passed.connect
def on_quiz_passed(module, user_id: int, **extra) -> None:
    services.record_quiz_passed(user_id, module)


@content_published.connect
def on_content_published(sender, changed_module_ids: list[int], major: bool, **extra) -> None:
    if major:
        services.request_quiz_redo(changed_module_ids)
