"""Launch the feedbackai web app on http://127.0.0.1:7860 (set FEEDBACKAI_PORT to change)."""

import os

from feedbackai import default_analyzer
from feedbackai.goals.pair_model import default_pair_model
from feedbackai.ui import build_app

if __name__ == "__main__":
    analyzer = default_analyzer()  # load the models before the first request
    analyzer.analyze("Warm-up.")
    default_pair_model()  # the goal relevance cross-encoder, so the first "Check goals" is not slow
    build_app(analyzer).queue(default_concurrency_limit=2).launch(
        server_name=os.environ.get("FEEDBACKAI_HOST", "127.0.0.1"),
        server_port=int(os.environ.get("FEEDBACKAI_PORT", "7860")),
        show_error=True,
    )
