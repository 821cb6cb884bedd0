# generated — do not edit: compiled from forms/submissions_page.ui by build_scripts/compile_forms.py
# source-sha256: d86c58e6af7d8779a1aeec1656abdc4e54c338d58ccc86093eee0e1576d79429
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'submissions_page.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QTableView,
    QVBoxLayout,
)

class Ui_SubmissionsPage(object):
    def setupUi(self, SubmissionsPage):
        if not SubmissionsPage.objectName():
            SubmissionsPage.setObjectName(u"SubmissionsPage")
        SubmissionsPage.resize(960, 560)
        self.mainLayout = QVBoxLayout(SubmissionsPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.titleLabel = QLabel(SubmissionsPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setTextFormat(Qt.TextFormat.RichText)

        self.topLayout.addWidget(self.titleLabel)

        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topLayout.addItem(self.topSpacer)

        self.searchEdit = QLineEdit(SubmissionsPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setMinimumSize(QSize(260, 0))
        self.searchEdit.setClearButtonEnabled(True)

        self.topLayout.addWidget(self.searchEdit)


        self.mainLayout.addLayout(self.topLayout)

        self.bannerLabel = QLabel(SubmissionsPage)
        self.bannerLabel.setObjectName(u"bannerLabel")
        self.bannerLabel.setVisible(False)
        self.bannerLabel.setWordWrap(True)
        self.bannerLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.bannerLabel)

        self.table = QTableView(SubmissionsPage)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.table)

        self.detailLabel = QLabel(SubmissionsPage)
        self.detailLabel.setObjectName(u"detailLabel")
        self.detailLabel.setWordWrap(True)
        self.detailLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.detailLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.editButton = QPushButton(SubmissionsPage)
        self.editButton.setObjectName(u"editButton")

        self.buttonLayout.addWidget(self.editButton)

        self.acceptButton = QPushButton(SubmissionsPage)
        self.acceptButton.setObjectName(u"acceptButton")

        self.buttonLayout.addWidget(self.acceptButton)

        self.returnButton = QPushButton(SubmissionsPage)
        self.returnButton.setObjectName(u"returnButton")

        self.buttonLayout.addWidget(self.returnButton)

        self.evidenceButton = QPushButton(SubmissionsPage)
        self.evidenceButton.setObjectName(u"evidenceButton")

        self.buttonLayout.addWidget(self.evidenceButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.summaryLabel = QLabel(SubmissionsPage)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.buttonLayout.addWidget(self.summaryLabel)


        self.mainLayout.addLayout(self.buttonLayout)


        self.retranslateUi(SubmissionsPage)
    # setupUi

    def retranslateUi(self, SubmissionsPage):
        SubmissionsPage.setWindowTitle(QCoreApplication.translate("SubmissionsPage", u"B\u00e1o c\u00e1o", None))
        self.titleLabel.setText(QCoreApplication.translate("SubmissionsPage", u"B\u00e1o c\u00e1o c\u1ee7a c\u00e1c \u0111\u01a1n v\u1ecb", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("SubmissionsPage", u"T\u00ecm \u0111\u01a1n v\u1ecb (t\u00ean ho\u1eb7c m\u00e3)\u2026  Ctrl+F", None))
        self.editButton.setText(QCoreApplication.translate("SubmissionsPage", u"&Nh\u1eadp / s\u1eeda b\u00e1o c\u00e1o\u2026", None))
#if QT_CONFIG(tooltip)
        self.editButton.setToolTip(QCoreApplication.translate("SubmissionsPage", u"Nh\u1eadp ho\u1eb7c s\u1eeda s\u1ed1 li\u1ec7u b\u00e1o c\u00e1o c\u1ee7a \u0111\u01a1n v\u1ecb \u0111ang ch\u1ecdn (Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.acceptButton.setText(QCoreApplication.translate("SubmissionsPage", u"&Ch\u1ea5p nh\u1eadn", None))
#if QT_CONFIG(tooltip)
        self.acceptButton.setToolTip(QCoreApplication.translate("SubmissionsPage", u"Ch\u1ea5p nh\u1eadn b\u00e1o c\u00e1o c\u1ee7a \u0111\u01a1n v\u1ecb \u0111ang ch\u1ecdn", None))
#endif // QT_CONFIG(tooltip)
        self.returnButton.setText(QCoreApplication.translate("SubmissionsPage", u"&Tr\u1ea3 l\u1ea1i \u0111\u1ec3 s\u1eeda\u2026", None))
#if QT_CONFIG(tooltip)
        self.returnButton.setToolTip(QCoreApplication.translate("SubmissionsPage", u"Tr\u1ea3 l\u1ea1i b\u00e1o c\u00e1o cho \u0111\u01a1n v\u1ecb s\u1eeda, k\u00e8m l\u00fd do", None))
#endif // QT_CONFIG(tooltip)
        self.evidenceButton.setText(QCoreApplication.translate("SubmissionsPage", u"&Minh ch\u1ee9ng\u2026", None))
#if QT_CONFIG(tooltip)
        self.evidenceButton.setToolTip(QCoreApplication.translate("SubmissionsPage", u"Xem, th\u00eam, m\u1edf ho\u1eb7c x\u00f3a t\u00e0i li\u1ec7u minh ch\u1ee9ng c\u1ee7a b\u00e1o c\u00e1o", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

