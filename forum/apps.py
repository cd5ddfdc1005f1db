from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = "Parent forum"

    def ready(self):
        from core.personal_data import personal_data_module_register

        from . import personal_data

        # Accounts, join requests, email settings, posts and reports; unused accounts and old
        # moderation log detail in the retention run.
        personal_data_module_register(personal_data)
