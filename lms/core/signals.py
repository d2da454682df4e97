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
#: A new version of a course reached learners (kwargs: course_id, changed_module_ids, major).
content_published = _signals.signal("content-published")
#: Course files are about to be imported (kwargs: none). Receivers return the slugs of courses that are
#: now written in the browser, which the files must neither overwrite nor retire.
courses_importing = _signals.signal("courses-importing")
#: Course files were imported over courses written in the browser, on purpose (kwargs: slugs).
courses_imported = _signals.signal("courses-imported")
