"""Signals between features: the sender never imports the receiver."""

from blinker import Namespace

_signals = Namespace()

#: The visitor picked an interface language with ?lang= (kwargs: user, locale).
locale_chosen = _signals.signal("locale-chosen")
#: A learner read a page (kwargs: user_id, page_id).
page_viewed = _signals.signal("page-viewed")
#: A quiz attempt was graded (kwargs: attempt).
quiz_submitted = _signals.signal("quiz-submitted")
#: A learner passed a module's quiz (kwargs: user_id, module_id).
quiz_passed = _signals.signal("quiz-passed")
#: A learner completed a module (kwargs: user_id, module_id).
module_completed = _signals.signal("module-completed")
#: A learner completed a course (kwargs: user_id, course_id).
course_completed = _signals.signal("course-completed")
