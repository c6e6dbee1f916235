from rest_framework import serializers

from students.models import Student


class StudentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Student
        fields = ["id", "name", "grade", "email", "created_at", "updated_at"]
        read_only_fields = ["created_at", "updated_at"]
