# generated — do not edit: compiled from forms/submission_dialog.ui by build_scripts/compile_forms.py
# source-sha256: 45fe96bfa91fb40a58a6fdfd1c43a5e53f17e5e0af33bfab9bf7fe79916519cf
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'submission_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

class Ui_SubmissionDialog(object):
    def setupUi(self, SubmissionDialog):
        if not SubmissionDialog.objectName():
            SubmissionDialog.setObjectName(u"SubmissionDialog")
        SubmissionDialog.resize(1180, 760)
        self.mainLayout = QVBoxLayout(SubmissionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLabel = QLabel(SubmissionDialog)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setTextFormat(Qt.TextFormat.RichText)
        self.headerLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.headerLabel)

        self.stateLabel = QLabel(SubmissionDialog)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setWordWrap(True)
        self.stateLabel.setVisible(False)

        self.mainLayout.addWidget(self.stateLabel)

        self.receiptLayout = QHBoxLayout()
        self.receiptLayout.setObjectName(u"receiptLayout")
        self.receivedLabel = QLabel(SubmissionDialog)
        self.receivedLabel.setObjectName(u"receivedLabel")

        self.receiptLayout.addWidget(self.receivedLabel)

        self.receivedEdit = QDateEdit(SubmissionDialog)
        self.receivedEdit.setObjectName(u"receivedEdit")
        self.receivedEdit.setCalendarPopup(True)

        self.receiptLayout.addWidget(self.receivedEdit)

        self.lateLabel = QLabel(SubmissionDialog)
        self.lateLabel.setObjectName(u"lateLabel")

        self.receiptLayout.addWidget(self.lateLabel)

        self.receiptSpacer1 = QSpacerItem(24, 10, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.receiptLayout.addItem(self.receiptSpacer1)

        self.channelLabel = QLabel(SubmissionDialog)
        self.channelLabel.setObjectName(u"channelLabel")

        self.receiptLayout.addWidget(self.channelLabel)

        self.channelCombo = QComboBox(SubmissionDialog)
        self.channelCombo.setObjectName(u"channelCombo")

        self.receiptLayout.addWidget(self.channelCombo)

        self.receiptSpacer2 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.receiptLayout.addItem(self.receiptSpacer2)

        self.undoButton = QToolButton(SubmissionDialog)
        self.undoButton.setObjectName(u"undoButton")
        self.undoButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.receiptLayout.addWidget(self.undoButton)

        self.redoButton = QToolButton(SubmissionDialog)
        self.redoButton.setObjectName(u"redoButton")
        self.redoButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.receiptLayout.addWidget(self.redoButton)


        self.mainLayout.addLayout(self.receiptLayout)

        self.scrollArea = QScrollArea(SubmissionDialog)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.rowsWidget = QWidget()
        self.rowsWidget.setObjectName(u"rowsWidget")
        self.rowsLayout = QGridLayout(self.rowsWidget)
        self.rowsLayout.setObjectName(u"rowsLayout")
        self.rowsLayout.setHorizontalSpacing(12)
        self.rowsLayout.setVerticalSpacing(6)
        self.scrollArea.setWidget(self.rowsWidget)

        self.mainLayout.addWidget(self.scrollArea)

        self.resultLabel = QLabel(SubmissionDialog)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setTextFormat(Qt.TextFormat.RichText)
        self.resultLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.resultLabel)

        self.errorLabel = QLabel(SubmissionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(SubmissionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.receivedLabel.setBuddy(self.receivedEdit)
        self.channelLabel.setBuddy(self.channelCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.receivedEdit, self.channelCombo)
        QWidget.setTabOrder(self.channelCombo, self.scrollArea)

        self.retranslateUi(SubmissionDialog)
    # setupUi

    def retranslateUi(self, SubmissionDialog):
        SubmissionDialog.setWindowTitle(QCoreApplication.translate("SubmissionDialog", u"B\u00e1o c\u00e1o c\u1ee7a \u0111\u01a1n v\u1ecb", None))
        self.receivedLabel.setText(QCoreApplication.translate("SubmissionDialog", u"Ng\u00e0y nh\u1eadn:", None))
        self.receivedEdit.setDisplayFormat(QCoreApplication.translate("SubmissionDialog", u"dd/MM/yyyy", None))
        self.channelLabel.setText(QCoreApplication.translate("SubmissionDialog", u"H\u00ecnh th\u1ee9c nh\u1eadn:", None))
        self.undoButton.setText(QCoreApplication.translate("SubmissionDialog", u"&Ho\u00e0n t\u00e1c", None))
        self.redoButton.setText(QCoreApplication.translate("SubmissionDialog", u"&L\u00e0m l\u1ea1i", None))
    # retranslateUi

