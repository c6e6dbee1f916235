from django.urls import path

from realtime import views

app_name = "realtime"
urlpatterns = [
    path("api/chat/token/", views.ChatTokenView.as_view(), name="chat-token"),
    path("chat/", views.chat, name="chat"),
]
