from django.contrib import admin

from .models import Student


@admin.register(Student)
class StudentAdmin(admin.ModelAdmin):
    list_display = ["name", "grade", "created_at"]
    list_filter = ["grade"]
    search_fields = ["name"]
    ordering = ["name", "id"]
